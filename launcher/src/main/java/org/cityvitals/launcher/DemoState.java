package org.cityvitals.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The demo's state folder and its process file, which lets {@code status} and {@code stop} find a running demo
 * and lets a new demo clean up after one that was killed (SIGKILL gives the JVM no chance to stop its ClickHouse).
 */
final class DemoState {

    private final Path dir;
    private final Path processFile;

    DemoState(Path dir) {
        this.dir = dir;
        this.processFile = dir.resolve("demo.processes");
    }

    Path dir() {
        return dir;
    }

    Path kafkaDir() {
        return dir.resolve("kafka");
    }

    Path clickHouseDir() {
        return dir.resolve("clickhouse");
    }

    Path checkpointDir() {
        return dir.resolve("flink-checkpoints");
    }

    Path logDir() {
        return dir.resolve("logs");
    }

    /** The demo JVM, if one is running on this state folder. */
    Optional<ProcessHandle> runningDemo() {
        return pid("demo").flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    /** Records the processes of a demo that has started. */
    void record(long demoPid, Long clickHousePid, String summary) {
        Properties p = new Properties();
        p.setProperty("demo", String.valueOf(demoPid));
        if (clickHousePid != null) {
            p.setProperty("clickhouse", String.valueOf(clickHousePid));
        }
        p.setProperty("summary", summary);
        try {
            Files.createDirectories(dir);
            try (var out = Files.newOutputStream(processFile)) {
                p.store(out, "processes of the running CityVitals demo");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + processFile, e);
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(processFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> summary() {
        return load().map(p -> p.getProperty("summary"));
    }

    /**
     * Stops every recorded process still alive: SIGTERM, then SIGKILL after 15 s. Returns what it stopped.
     */
    List<String> stopAll() {
        List<String> stopped = new ArrayList<>();
        for (String name : List.of("demo", "clickhouse")) {
            // A recorded pid may have been reused since; only stop a process that is still what we started.
            String expectedCommand = name.equals("demo") ? "java" : "clickhouse";
            Optional<ProcessHandle> process = pid(name).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().orElse("").contains(expectedCommand));
            if (process.isPresent()) {
                ProcessHandle h = process.get();
                h.destroy();
                try {
                    h.onExit().get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
                stopped.add(name + " (pid " + h.pid() + ")");
            }
        }
        forget();
        return stopped;
    }

    private Optional<Long> pid(String name) {
        return load().map(p -> p.getProperty(name)).map(Long::parseLong);
    }

    private Optional<Properties> load() {
        if (!Files.exists(processFile)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(processFile)) {
            p.load(in);
            return Optional.of(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + processFile, e);
        }
    }
}
