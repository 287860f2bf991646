package org.cityvitals.launcher;

import org.cityvitals.stack.Ports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code cityvitals demo}: starts the stack, prints where everything is, and stops it all on Ctrl-C/SIGTERM. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole stack on this machine with a simulated Shanghai; Ctrl-C stops everything.")
final class Demo implements Callable<Integer> {

    @Mixin
    private DemoOptions options;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        options.validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoState state = new DemoState(options.stateDir());
        if (state.runningDemo().isPresent()) {
            err.println("a demo is already running on " + state.dir() + " (pid "
                    + state.runningDemo().get().pid() + "); stop it with ./cityvitals stop");
            return 1;
        }
        state.stopAll(); // a ClickHouse left behind by a demo that was killed
        System.setProperty("cityvitals.logs", state.logDir().toString());

        DemoStack stack;
        try {
            stack = DemoStack.start(options, state, out);
        } catch (Ports.PortInUseException e) {
            err.println("cannot start the demo: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("cannot start the demo: " + e);
            e.printStackTrace(err);
            return 1;
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nstopping the demo…");
            stack.close();
            state.forget();
            out.println("stopped.");
            out.flush();
            stopped.countDown();
        }, "demo-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
