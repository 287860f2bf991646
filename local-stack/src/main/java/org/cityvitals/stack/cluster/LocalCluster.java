package org.cityvitals.stack.cluster;

import org.cityvitals.stack.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole local cluster, each engine in its own processes: two ClickHouse shards, three Kafka brokers, a Flink
 * JobManager and two TaskManagers. Started in that order (each waits for the one before), stopped in reverse.
 * Its state lives in one folder ({@link ClusterLayout#dir()}), so every command finds the running cluster.
 */
public final class LocalCluster {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180); // a busy 2-core machine
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ClusterState state;

    private LocalCluster(ClusterState state) {
        this.state = state;
    }

    public ClusterState state() {
        return state;
    }

    public ClusterLayout layout() {
        return state.layout();
    }

    /** The cluster recorded in {@code dir}, if one was started there. */
    public static Optional<LocalCluster> find(Path dir) {
        return ClusterState.load(dir).map(LocalCluster::new);
    }

    /**
     * Starts every process that is not already running and waits until each engine answers.
     *
     * @param javaClasspath  classpath holding the Kafka broker (the launcher's own)
     * @param flinkClasspath classpath holding Flink's runtime and client jars, without the job's own classes
     * @param progress       one line per step
     */
    public static LocalCluster up(ClusterLayout layout, String javaClasspath, String flinkClasspath,
                                  Consumer<String> progress) {
        ClusterState state = ClusterState.load(layout.dir()).filter(s -> s.layout().equals(layout))
                .orElseGet(() -> new ClusterState(layout));
        LocalCluster cluster = new LocalCluster(state);
        if (state.entries().stream().noneMatch(ClusterState.Entry::isAlive)) {
            layout.fixedPorts().forEach(p -> Ports.requireFree(p, "local cluster", "--base-port"));
        }
        try {
            Path log4j = writeLog4jConfig(layout);
            progress.accept("ClickHouse: " + ClusterLayout.SHARDS + " shards");
            List<ChildProcess> shards = ClickHouseShards.prepare(layout);
            shards.forEach(cluster::startUnlessRunning);
            for (int s = 0; s < ClusterLayout.SHARDS; s++) {
                ClickHouseShards.awaitReady(layout, s, START_TIMEOUT);
            }
            progress.accept("Kafka: " + ClusterLayout.BROKERS + " brokers (KRaft, each also a controller)");
            KafkaCluster.prepare(layout, javaClasspath, log4j).forEach(cluster::startUnlessRunning);
            KafkaCluster.awaitBrokers(layout, ClusterLayout.BROKERS, START_TIMEOUT);
            progress.accept("Flink: a JobManager and " + ClusterLayout.TASK_MANAGERS + " TaskManagers");
            FlinkCluster.prepare(layout, flinkClasspath, log4j).forEach(cluster::startUnlessRunning);
            FlinkCluster.awaitTaskManagers(layout, ClusterLayout.TASK_MANAGERS, START_TIMEOUT);
        } catch (RuntimeException e) {
            cluster.down(); // a half-started cluster leaves no process behind
            throw e;
        }
        return cluster;
    }

    private void startUnlessRunning(ChildProcess process) {
        boolean running = state.entries().stream()
                .anyMatch(e -> e.process().name().equals(process.name()) && e.isAlive());
        if (!running) {
            state.start(process);
        }
    }

    /** Stops every process, newest first (SIGTERM, then SIGKILL after 20 s); returns what it stopped. */
    public List<String> down() {
        List<ClusterState.Entry> entries = state.entries();
        Collections.reverse(entries);
        List<String> stopped = new ArrayList<>();
        for (ClusterState.Entry e : entries) {
            if (ChildProcess.stop(e.pid(), STOP_GRACE)) {
                stopped.add(e.process().name() + " (pid " + e.pid() + ")");
            }
        }
        state.delete();
        return stopped;
    }

    /** One line per process: name, pid, running or not, and where it listens. */
    public List<String> status() {
        ClusterLayout l = layout();
        List<String> lines = new ArrayList<>();
        for (ClusterState.Entry e : state.entries()) {
            lines.add(String.format("%-20s pid %-8d %-8s %s", e.process().name(), e.pid(),
                    e.isAlive() ? "running" : "STOPPED", where(l, e.process().name())));
        }
        return lines;
    }

    private static String where(ClusterLayout l, String name) {
        for (int b = 0; b < ClusterLayout.BROKERS; b++) {
            if (name.equals(KafkaCluster.processName(b))) {
                return "127.0.0.1:" + l.kafkaPort(b) + " (controller :" + l.kafkaControllerPort(b) + ")";
            }
        }
        for (int s = 0; s < ClusterLayout.SHARDS; s++) {
            if (name.equals(ClickHouseShards.processName(s))) {
                return "http :" + l.clickHouseHttpPort(s) + ", native :" + l.clickHouseTcpPort(s);
            }
        }
        if (name.equals(FlinkCluster.JOB_MANAGER)) {
            return l.flinkRestUrl() + " (RPC :" + l.jobManagerRpcPort() + ")";
        }
        return "RPC in " + l.taskManagerRpcPorts();
    }

    /** One log4j2 configuration for every JVM of the cluster: INFO to the console, which goes to its log file. */
    private static Path writeLog4jConfig(ClusterLayout layout) {
        Path file = layout.dir().resolve("log4j2.properties");
        try {
            Files.createDirectories(layout.dir());
            Files.writeString(file, """
                    rootLogger.level = INFO
                    rootLogger.appenderRef.console.ref = console
                    appender.console.type = Console
                    appender.console.name = console
                    appender.console.layout.type = PatternLayout
                    appender.console.layout.pattern = %d{yyyy-MM-dd HH:mm:ss.SSS} %-5p %c{1} - %m%n
                    # Kafka's INFO is several lines per second per broker; its warnings are what matters here.
                    logger.kafka.name = kafka
                    logger.kafka.level = WARN
                    logger.apachekafka.name = org.apache.kafka
                    logger.apachekafka.level = WARN
                    """);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
