package org.cityvitals.stack.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One process of the local cluster: its name, command line, working directory and log file. Everything needed to
 * start it again is in this record, so a drill in another JVM can restart a process it killed from the cluster's
 * state file alone.
 *
 * <p>Processes start in their own session ({@code setsid}): they outlive the command that started them, and a
 * Ctrl-C in the terminal that ran {@code cluster up} does not reach them.
 */
public record ChildProcess(String name, List<String> command, Path workDir, Path log) {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    public ChildProcess {
        command = List.copyOf(command);
    }

    /** Starts the process with output appended to its log; returns its pid. */
    public long start() {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            List<String> argv = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                argv.add(SETSID.toString()); // execs in place: the pid is the program's own
            }
            argv.addAll(command);
            Process p = new ProcessBuilder(argv).directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return p.pid();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
        }
    }

    /** The process with this pid, if it is alive. */
    public static Optional<ProcessHandle> alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /** SIGTERM, then SIGKILL after {@code grace}; true if it was running. */
    public static boolean stop(long pid, Duration grace) {
        Optional<ProcessHandle> h = alive(pid);
        if (h.isEmpty()) {
            return false;
        }
        h.get().destroy();
        if (!awaitExit(h.get(), grace)) {
            h.get().destroyForcibly();
            awaitExit(h.get(), Duration.ofSeconds(10));
        }
        return true;
    }

    /**
     * On this JVM's exit, however it comes (the end of {@code main}, {@code System.exit}, a SIGTERM), stops every
     * process it started, directly or through a child, that still runs: SIGTERM to all of them, then SIGKILL to
     * those still alive after {@code grace}. For programs whose children must not outlive them whatever happens, like
     * a benchmark's private ClickHouse server, which a try-with-resources stops only when {@code main} returns.
     */
    public static void stopDescendantsOnExit(Duration grace) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<ProcessHandle> running = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .toList();
            running.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + grace.toNanos();
            for (ProcessHandle p : running) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!awaitExit(p, left)) {
                    p.destroyForcibly();
                }
            }
        }, "stop-child-processes"));
    }

    /** SIGKILL, as a machine failure would: no shutdown hook, no flush. */
    public static boolean kill(long pid) {
        Optional<ProcessHandle> h = alive(pid);
        h.ifPresent(p -> {
            p.destroyForcibly();
            awaitExit(p, Duration.ofSeconds(10));
        });
        return h.isPresent();
    }

    private static boolean awaitExit(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
