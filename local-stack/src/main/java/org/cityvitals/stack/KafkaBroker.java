package org.cityvitals.stack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * A single-node Kafka KRaft broker (broker and controller in one) running inside this JVM.
 *
 * <p>For the demo and the tests only: a real deployment points every component at a Kafka cluster instead.
 * The data directory is formatted on first start and reused afterwards, so a demo keeps its topics across restarts.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on free loopback ports. */
    public static KafkaBroker start(Path dataDir) {
        return start(dataDir, Ports.free(), Ports.free());
    }

    /** Starts a broker on the given client and controller ports; fails fast when one is taken. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        Ports.requireFree(port, "Kafka", "--kafka-port");
        Ports.requireFree(controllerPort, "Kafka controller", "--kafka-controller-port");
        try {
            Path logDir = dataDir.resolve("log");
            Files.createDirectories(logDir);
            Properties props = brokerProperties(logDir, port, controllerPort);
            formatOnce(dataDir, logDir, props);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, "127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + dataDir, e);
        }
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = combinedNodeProperties(1, "1@127.0.0.1:" + controllerPort, port, controllerPort, logDir, 1);
        p.setProperty("num.partitions", "1");
        return p;
    }

    /**
     * The settings of a KRaft node that is both broker and controller (one of {@code voters}) on loopback, with
     * Kafka's internal topics replicated {@code replicas} times and, like {@link #createTopics(String, int, int,
     * String...)}, {@code min.insync.replicas} one less (at least 1). The single-node stack and the local cluster
     * add their own defaults for new topics.
     */
    public static Properties combinedNodeProperties(int nodeId, String voters, int port, int controllerPort,
                                                    Path logDir, int replicas) {
        String minInSync = String.valueOf(Math.max(1, replicas - 1));
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(nodeId)),
                Map.entry("controller.quorum.voters", voters),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("offsets.topic.replication.factor", String.valueOf(replicas)),
                Map.entry("offsets.topic.num.partitions", "4"),
                Map.entry("transaction.state.log.replication.factor", String.valueOf(replicas)),
                Map.entry("transaction.state.log.min.isr", minInSync),
                Map.entry("share.coordinator.state.topic.replication.factor", String.valueOf(replicas)),
                Map.entry("share.coordinator.state.topic.min.isr", minInSync),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The demo runs for hours on a laptop: keep a day of data, then let Kafka delete it.
                Map.entry("log.retention.hours", "24"),
                Map.entry("log.segment.bytes", String.valueOf(64 * 1024 * 1024))));
        return p;
    }

    /** KRaft refuses to start on an unformatted directory; format it once and remember that we did. */
    private static void formatOnce(Path dataDir, Path logDir, Properties props) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        formatStorage(dataDir.resolve("server.properties"), props, Uuid.randomUuid().toString());
    }

    /**
     * Writes {@code props} to {@code config} and formats the log directories it names for cluster
     * {@code clusterId} (every broker of one cluster is formatted with the same id).
     */
    public static void formatStorage(Path config, Properties props, String clusterId) throws IOException {
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "written by CityVitals local-stack");
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()},
                new PrintStream(console, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage for " + config + " failed: "
                    + console.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(int partitions, String... names) {
        createTopics(bootstrapServers, partitions, names);
    }

    /**
     * Creates missing topics on any broker (replication factor 1: single-node stacks only), with log-append
     * timestamps.
     */
    public static void createTopics(String bootstrapServers, int partitions, String... names) {
        createTopics(bootstrapServers, partitions, 1, names);
    }

    /**
     * Creates missing topics with log-append timestamps, {@code replicas} copies of each partition and, when
     * replicated, {@code min.insync.replicas = replicas - 1}: a write is acknowledged by at least two brokers and
     * survives the loss of one.
     */
    public static void createTopics(String bootstrapServers, int partitions, int replicas, String... names) {
        // Append time: records carry their event time in the payload, and a replay of 2013 data stamped with
        // 2013 would otherwise be deleted by time-based retention as soon as its segment rolls.
        Map<String, String> configs = replicas == 1 ? Map.of("message.timestamp.type", "LogAppendTime")
                : Map.of("message.timestamp.type", "LogAppendTime",
                        "min.insync.replicas", String.valueOf(replicas - 1));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) replicas)
                    .configs(configs)).toList();
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic: " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
