package org.cityvitals.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cityvitals status} and {@code cityvitals stop}: what the demo's process file says, and ending it. */
final class StateCommands {

    private StateCommands() {}

    /** A command on the demo's state directory (picocli takes the annotated fields from the superclass). */
    private abstract static class OnDemoState implements Callable<Integer> {
        @Mixin
        private StateOption stateDir;
        @Spec
        private CommandSpec spec;

        DemoState state() {
            return new DemoState(stateDir.dir());
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Is a demo running, and where (exit code 1 when none is).")
    static final class Status extends OnDemoState {
        @Override
        public Integer call() {
            DemoState state = state();
            if (state.runningDemo().isEmpty()) {
                out().println("no demo is running on " + state.dir());
                return 1;
            }
            out().println(state.summary().orElse("a demo is running (pid " + state.runningDemo().get().pid() + ")"));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop a running demo and every process it started.")
    static final class Stop extends OnDemoState {
        @Override
        public Integer call() {
            List<String> stopped = state().stopAll();
            out().println(stopped.isEmpty() ? "nothing to stop" : "stopped " + String.join(", ", stopped));
            return 0;
        }
    }
}
