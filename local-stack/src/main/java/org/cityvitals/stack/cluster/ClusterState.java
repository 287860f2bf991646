package org.cityvitals.stack.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The running cluster as recorded in {@code .state/cluster/cluster.properties}: each process with its pid and
 * the full command that started it, and the base port. {@code cluster status}, {@code cluster down}, the drills
 * and the benchmarks all read it; a process killed by a drill is restarted from its recorded command.
 */
public final class ClusterState {

    /** A recorded process: how to start it, and the pid it had when last started. */
    public record Entry(ChildProcess process, long pid) {
        public boolean isAlive() {
            return ChildProcess.alive(pid).isPresent();
        }
    }

    private static final String SEPARATOR = "\u001f"; // never part of a command-line argument

    private final ClusterLayout layout;
    private final Map<String, Entry> processes = new LinkedHashMap<>();

    public ClusterState(ClusterLayout layout) {
        this.layout = layout;
    }

    public ClusterLayout layout() {
        return layout;
    }

    /** The state recorded in {@code dir}, if a cluster was started there. */
    public static Optional<ClusterState> load(Path dir) {
        Path file = dir.resolve("cluster.properties");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        ClusterState state = new ClusterState(new ClusterLayout(dir, Integer.parseInt(p.getProperty("basePort"))));
        for (String name : p.getProperty("processes", "").split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            String prefix = "process." + name + ".";
            ChildProcess child = new ChildProcess(name,
                    Arrays.asList(p.getProperty(prefix + "command").split(SEPARATOR)),
                    Path.of(p.getProperty(prefix + "workDir")), Path.of(p.getProperty(prefix + "log")));
            state.processes.put(name, new Entry(child, Long.parseLong(p.getProperty(prefix + "pid"))));
        }
        return Optional.of(state);
    }

    /** Records a started process (replacing an earlier entry of the same name) and saves the file. */
    public synchronized void record(ChildProcess process, long pid) {
        processes.put(process.name(), new Entry(process, pid));
        save();
    }

    /** Starts a process, records it and returns its pid. */
    public long start(ChildProcess process) {
        long pid = process.start();
        record(process, pid);
        return pid;
    }

    /** Starts the named process again from its recorded command (after a drill killed or stopped it). */
    public long restart(String name) {
        Entry e = entry(name);
        if (e.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + e.pid() + ")");
        }
        return start(e.process());
    }

    public Entry entry(String name) {
        Entry e = processes.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no process named " + name + " in " + layout.stateFile()
                    + "; known: " + String.join(", ", processes.keySet()));
        }
        return e;
    }

    public List<Entry> entries() {
        return new ArrayList<>(processes.values());
    }

    public void delete() {
        try {
            Files.deleteIfExists(layout.stateFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save() {
        Properties p = new Properties();
        p.setProperty("basePort", String.valueOf(layout.basePort()));
        p.setProperty("processes", String.join(",", processes.keySet()));
        processes.forEach((name, e) -> {
            String prefix = "process." + name + ".";
            p.setProperty(prefix + "pid", String.valueOf(e.pid()));
            p.setProperty(prefix + "command", String.join(SEPARATOR, e.process().command()));
            p.setProperty(prefix + "workDir", e.process().workDir().toString());
            p.setProperty(prefix + "log", e.process().log().toString());
        });
        try {
            Files.createDirectories(layout.dir());
            try (var out = Files.newOutputStream(layout.stateFile())) {
                p.store(out, "CityVitals local cluster: processes and how to start them again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + layout.stateFile(), e);
        }
    }
}
