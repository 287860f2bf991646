package org.cityvitals.launcher.bench;

import org.cityvitals.stack.cluster.ChildProcess;

import java.time.Duration;

/**
 * How the launcher's benchmark mains run as programs: the processes they start (ClickHouse servers) are stopped on
 * any exit, also when the bench command that runs them is stopped or a fatal error ends the JVM before a
 * try-with-resources could; a failure exits 1; and the program always exits, since Flink's and Vert.x's threads
 * would keep it alive after {@code main}.
 */
final class BenchProgram {

    /** ClickHouse 18.16 takes a few seconds to stop on SIGTERM. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    interface Body {
        void run() throws Exception;
    }

    private BenchProgram() {}

    static void run(Body body) {
        ChildProcess.stopDescendantsOnExit(STOP_GRACE);
        int status = 0;
        try {
            body.run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }
}
