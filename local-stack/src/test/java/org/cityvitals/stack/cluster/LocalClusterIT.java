package org.cityvitals.stack.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.cityvitals.stack.ClickHouseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every process class of the local cluster starts, answers as its engine should, can be killed and started again
 * from its recorded command, and stops: two ClickHouse shards, three Kafka brokers, a Flink JobManager and two
 * TaskManagers.
 */
class LocalClusterIT {

    @TempDir
    Path dir;

    /** The test JVM's classpath (Failsafe runs tests from a manifest-only jar and names the real one here). */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String clickHouse(ClusterLayout layout, int shard, String sql) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + layout.clickHouseHttpPort(shard) + "/")).POST(
                HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
        return r.body().strip();
    }

    @Test
    void theClusterStartsAnswersSurvivesABrokerKillAndStops() throws Exception {
        // Below the kernel's ephemeral range (32768+), where outgoing connections could take one of the ports.
        int base = 20_000 + 300 * new java.util.Random().nextInt(40);
        ClusterLayout layout = new ClusterLayout(dir.resolve("cluster"), base);
        LocalCluster cluster = LocalCluster.up(layout, classpath(), classpath(), step -> { });
        try {
            assertThat(cluster.state().entries()).hasSize(8).allMatch(ClusterState.Entry::isAlive);
            for (int s = 0; s < ClusterLayout.SHARDS; s++) {
                assertThat(ClickHouseServer.ping(layout.clickHouseHttpPort(s))).isTrue();
                assertThat(clickHouse(layout, s, "SELECT count() FROM system.clusters WHERE cluster = '"
                        + ClusterLayout.CLICKHOUSE_CLUSTER + "'")).as("both shards in remote_servers").isEqualTo("2");
            }
            assertThat(FlinkCluster.overviewField(layout, "taskmanagers")).isEqualTo(2);
            assertThat(FlinkCluster.overviewField(layout, "slots-total")).isEqualTo(4);
            assertThat(KafkaCluster.registeredBrokers(layout.kafkaBootstrap())).isEqualTo(3);

            KafkaCluster.createTopics(layout.kafkaBootstrap(), 4, "t");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    layout.kafkaBootstrap()))) {
                var topic = admin.describeTopics(List.of("t")).allTopicNames().get(30, TimeUnit.SECONDS).get("t");
                assertThat(topic.partitions()).hasSize(4).allMatch(p -> p.replicas().size() == 3);
                var config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "t")))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next();
                assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            }

            String broker = KafkaCluster.processName(1);
            assertThat(ChildProcess.kill(cluster.state().entry(broker).pid())).isTrue();
            Await.until("two brokers left", Duration.ofSeconds(60),
                    () -> KafkaCluster.registeredBrokers(layout.kafkaBootstrap()) == 2);
            long pid = cluster.state().restart(broker);
            KafkaCluster.awaitBrokers(layout, 3, Duration.ofSeconds(90));
            assertThat(ClusterState.load(layout.dir()).orElseThrow().entry(broker).pid()).as("recorded").isEqualTo(pid);
        } finally {
            List<String> stopped = cluster.down();
            assertThat(stopped).hasSize(8);
        }
        assertThat(cluster.state().entries()).noneMatch(ClusterState.Entry::isAlive);
        assertThat(LocalCluster.find(layout.dir())).isEmpty();
    }
}
