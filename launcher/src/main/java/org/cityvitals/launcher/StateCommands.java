package org.cityvitals.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code cityvitals status} and {@code cityvitals stop}: what the demo's process file says, and ending it. */
final class StateCommands {

    private StateCommands() {}

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Is a demo running, and where (exit code 1 when none is).")
    static final class Status implements Callable<Integer> {
        @Mixin
        private StateOption stateDir;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            DemoState state = new DemoState(stateDir.dir());
            if (state.runningDemo().isEmpty()) {
                spec.commandLine().getOut().println("no demo is running on " + state.dir());
                return 1;
            }
            spec.commandLine().getOut().println(state.summary()
                    .orElse("a demo is running (pid " + state.runningDemo().get().pid() + ")"));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop a running demo and every process it started.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        private StateOption stateDir;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            List<String> stopped = new DemoState(stateDir.dir()).stopAll();
            spec.commandLine().getOut().println(stopped.isEmpty() ? "nothing to stop"
                    : "stopped " + String.join(", ", stopped));
            return 0;
        }
    }
}
