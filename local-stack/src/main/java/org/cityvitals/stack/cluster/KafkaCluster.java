package org.cityvitals.stack.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.cityvitals.stack.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Three Kafka 4.4 brokers in KRaft mode, each its own JVM ({@code kafka.Kafka server.properties}) and each also a
 * controller of a three-voter quorum, so any one of them can be killed. Internal topics are replicated three times
 * with {@code min.insync.replicas} 2, like the platform's topics ({@link #createTopics}).
 */
public final class KafkaCluster {

    /** Heap of one broker: the cluster shares a 2-core, 24 GiB machine with Flink, ClickHouse and a build. */
    static final String BROKER_HEAP = "-Xmx384m";

    private KafkaCluster() {}

    /** Process name of broker {@code b} (0-based), as in the state file. */
    public static String processName(int b) {
        return "kafka-" + (b + 1);
    }

    /**
     * Writes each broker's {@code server.properties}, formats its storage on first use (one cluster id for all),
     * and returns how to start each broker.
     */
    public static List<ChildProcess> prepare(ClusterLayout layout, String javaClasspath, Path log4jConfig) {
        String voters = IntStream.range(0, ClusterLayout.BROKERS)
                .mapToObj(b -> (b + 1) + "@127.0.0.1:" + layout.kafkaControllerPort(b))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<ChildProcess> brokers = new ArrayList<>();
        for (int b = 0; b < ClusterLayout.BROKERS; b++) {
            Path dir = layout.dir().resolve(processName(b));
            Path logDir = dir.resolve("data");
            Path config = dir.resolve("server.properties");
            try {
                Files.createDirectories(logDir);
                if (!Files.exists(logDir.resolve("meta.properties"))) {
                    KafkaBroker.formatStorage(config, brokerProperties(layout, b, voters, logDir), clusterId);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + dir, e);
            }
            brokers.add(new ChildProcess(processName(b), List.of(Java.binary(), BROKER_HEAP,
                    "-Dlog4j2.configurationFile=" + log4jConfig, "-cp", javaClasspath, "kafka.Kafka",
                    config.toString()), dir, dir.resolve("broker.log")));
        }
        return brokers;
    }

    private static Properties brokerProperties(ClusterLayout layout, int b, String voters, Path logDir) {
        Properties p = KafkaBroker.combinedNodeProperties(b + 1, voters, layout.kafkaPort(b),
                layout.kafkaControllerPort(b), logDir, ClusterLayout.BROKERS);
        p.putAll(Map.of(
                "num.partitions", "4",
                "default.replication.factor", String.valueOf(ClusterLayout.BROKERS),
                "min.insync.replicas", "2",
                "unclean.leader.election.enable", "false"));
        return p;
    }

    /** Waits until every broker is registered with the quorum. */
    public static void awaitBrokers(ClusterLayout layout, int expected, Duration timeout) {
        Await.until(expected + " Kafka brokers", timeout, () -> registeredBrokers(layout.kafkaBootstrap())
                == expected, () -> "see " + layout.dir().resolve("kafka-*/broker.log"));
    }

    /** How many brokers the cluster reports, or -1 when none answers. */
    public static int registeredBrokers(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Creates the missing topics with three replicas and {@code min.insync.replicas} 2. */
    public static void createTopics(String bootstrap, int partitions, String... names) {
        KafkaBroker.createTopics(bootstrap, partitions, ClusterLayout.BROKERS, names);
    }
}
