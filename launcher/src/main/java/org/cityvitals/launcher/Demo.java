package org.cityvitals.launcher;

import org.cityvitals.stack.Ports;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./cityvitals demo}: starts the stack, prints where everything is, and stops it all on Ctrl-C/SIGTERM. */
final class Demo {

    private Demo() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(DemoOptions.USAGE);
            return 0;
        }
        DemoOptions options = DemoOptions.parse(args);
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nstopping the demo…");
            stack.close();
            state.forget();
            out.println("stopped.");
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
