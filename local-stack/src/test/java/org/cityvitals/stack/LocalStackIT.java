package org.cityvitals.stack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackIT {

    @TempDir
    Path dir;

    @Test
    void brokerCarriesARecordFromProducerToConsumer() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopics(2, "t");
            broker.createTopics(2, "t"); // idempotent
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "hello")).get();
            }
            List<String> seen = new ArrayList<>();
            try (var consumer = new KafkaConsumer<String, String>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "g",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("t"));
                long deadline = System.currentTimeMillis() + 20_000;
                while (seen.isEmpty() && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        seen.add(r.key() + "=" + r.value());
                    }
                }
            }
            assertThat(seen).containsExactly("k=hello");
        }
    }

    @Test
    void brokerRestartsOnItsFormattedDirectory() {
        Path kafkaDir = dir.resolve("kafka");
        int port = Ports.free();
        int controller = Ports.free();
        try (KafkaBroker broker = KafkaBroker.start(kafkaDir, port, controller)) {
            broker.createTopics(1, "kept");
        }
        try (KafkaBroker again = KafkaBroker.start(kafkaDir, port, controller)) {
            assertThat(again.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
        }
    }

    @Test
    void clickHouseAnswersQueriesAndStopsOnClose() throws Exception {
        ClickHouseServer server = ClickHouseServer.start(dir.resolve("ch"));
        try (server) {
            assertThat(server.ping()).isTrue();
            Class.forName("ru.yandex.clickhouse.ClickHouseDriver");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("default") + "?compress=false");
                 ResultSet rs = c.createStatement().executeQuery("SELECT 40 + 2")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(ProcessHandle.of(server.pid())).isEmpty();
    }

    @Test
    void takenPortFailsFastNamingPortAndFlag() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> ClickHouseServer.start(dir.resolve("ch"), port, Ports.free()))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("--clickhouse-port");
            assertThatThrownBy(() -> KafkaBroker.start(dir.resolve("kafka"), port, Ports.free()))
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("--kafka-port");
        }
    }
}
