package org.cityvitals.jobs;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.stack.KafkaBroker;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Flink MiniCluster, a real Kafka broker and a real ClickHouse server for one integration test class:
 * {@code @RegisterExtension static final StackFixture stack = new StackFixture(2);}
 */
final class StackFixture implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final int partitions;
    private final MiniClusterExtension flink = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());
    private Path dir;
    KafkaBroker kafka;
    ClickHouseServer clickHouse;

    /** With one partition, records keep the order they were sent in, whatever their keys. */
    StackFixture(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        flink.beforeAll(context);
        dir = Files.createTempDirectory("cityvitals-it");
        kafka = KafkaBroker.start(dir.resolve("kafka"));
        clickHouse = ClickHouseServer.start(dir.resolve("clickhouse"));
        kafka.createTopics(partitions, Topics.all());
    }

    /** A job on this stack (its Kafka, its ClickHouse, the given database) that reads what the topics hold now. */
    JobSettings bounded(String database, String... more) {
        List<String> flags = new ArrayList<>(List.of(more));
        flags.add("--until-latest");
        return live(database, flags.toArray(String[]::new));
    }

    /** A job on this stack that keeps running: read from the beginning, then whatever arrives. */
    JobSettings live(String database, String... more) {
        List<String> args = new ArrayList<>(List.of("--kafka", kafka.bootstrapServers(),
                "--clickhouse", clickHouse.jdbcUrl("default"), "--database", database, "--group-id", database,
                "--out-of-orderness", "5s", "--from-earliest"));
        args.addAll(List.of(more));
        return JobSettings.parse(args.toArray(String[]::new));
    }

    /**
     * Runs the production topology over everything in the topics now, then ends ({@code --until-latest}: the final
     * watermark fires every window). {@code configure} may adjust the environment after the production settings.
     */
    void runToEnd(JobSettings settings, VitalSignsJob.Outputs outputs,
                  java.util.function.Consumer<StreamExecutionEnvironment> configure) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        VitalSignsMain.prepare(env, settings, outputs);
        configure.accept(env);
        env.execute("vital signs test");
    }

    void runToEnd(JobSettings settings) throws Exception {
        runToEnd(settings, VitalSignsMain.outputs(settings), env -> { });
    }

    /** Every row of a ClickHouse query as text, for whole-table comparisons. */
    List<String> rows(String sql) throws Exception {
        return new ClickHouse(clickHouse.jdbcUrl("default")).query(sql, rs -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? " | " : "").append(rs.getString(i));
            }
            return row.toString();
        });
    }

    static Reading pm25(String sensor, String district, Instant at, double value) {
        return new Reading(sensor, "pm25", value, "µg/m³", at, district, null, null, Quality.GOOD);
    }

    void send(List<Reading> readings, String... rawPayloads) throws Exception {
        send(readings, List.of(), rawPayloads);
    }

    void send(List<Reading> readings, List<Incident> incidents, String... rawPayloads) throws Exception {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Reading r : readings) {
                producer.send(new ProducerRecord<>(Topics.READINGS, r.sensorId().getBytes(StandardCharsets.UTF_8),
                        EventCodec.toJsonBytes(r)));
            }
            for (Incident i : incidents) {
                producer.send(new ProducerRecord<>(Topics.INCIDENTS, i.id().getBytes(StandardCharsets.UTF_8),
                        EventCodec.toJsonBytes(i)));
            }
            for (String raw : rawPayloads) {
                producer.send(new ProducerRecord<>(Topics.READINGS, null, raw.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** Every record of a topic from the beginning, waiting until {@code expected} have arrived or 20 s passed. */
    List<String> readAll(String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
            // one more short poll so that "more than expected" is seen too
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                values.add(new String(r.value(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        flink.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        flink.afterEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        clickHouse.close();
        kafka.close();
        flink.afterAll(context);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
