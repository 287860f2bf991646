package org.cityvitals.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cityvitals.dashboard.DashboardConfig;
import org.cityvitals.dashboard.DashboardServer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.jobs.JobOptions;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.Jobs;
import org.cityvitals.jobs.VitalSignsJob;
import org.cityvitals.jobs.history.HistoryLoader;
import org.cityvitals.jobs.sink.KafkaRefusals;
import org.cityvitals.jobs.source.KafkaEvents;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.stack.testing.TopicMark;
import org.cityvitals.store.SchemaMigrator;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.common.TopicPartition;
import java.util.HashMap;
import org.cityvitals.jobs.alert.LevelRule;
import org.cityvitals.store.ClickHouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The walking skeleton through every layer, on real components: readings into a Kafka broker, the production Flink
 * job on a MiniCluster, ClickHouse, the dashboard server, and a WebSocket client logged in as the operations centre.
 */
class EndToEndIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static String kafka;
    static String db;
    static ClickHouse clickHouse;
    static Vertx vertx;

    @BeforeAll
    static void startServices() throws Exception {
        kafka = SharedStack.get().kafka(Topics.all());
        db = SharedStack.unique("e2e");
        clickHouse = new ClickHouse(SharedStack.get().jdbcUrl("default"));
        new SchemaMigrator(clickHouse, db).migrate();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopServices() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aDistrictOverTheThresholdAlertsOnTheWebSocketAndItsValuesAreStored() throws Exception {
        JobSettings settings = JobOptions.parse("--kafka", kafka, "--clickhouse", clickHouse.url(), "--database", db,
                "--out-of-orderness", "1s", "--idleness", "2s", "--checkpoint-interval", "2s");
        Map<String, TopicMark> inputs = marks(Topics.READINGS, Topics.INCIDENTS);
        Map<String, TopicMark> published = marks(Topics.INDICATOR_UPDATES, Topics.ALERT_EVENTS, Topics.HEALTH_SCORES,
                Topics.READINGS, Topics.INCIDENTS);
        StreamExecutionEnvironment vitalsEnv = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        new VitalSignsJob(settings, KafkaEvents.from(kafka, db, offsets(inputs), null), Jobs.kafkaOutputs(settings))
                .build(vitalsEnv);
        JobClient job = vitalsEnv.executeAsync("vitals");
        StreamExecutionEnvironment historyEnv = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        new HistoryLoader(settings, new KafkaRefusals(kafka), (topic, source) -> source.setStartingOffsets(
                OffsetsInitializer.offsets(published.get(topic).offsets()))).build(historyEnv);
        JobClient history = historyEnv.executeAsync("history");
        DashboardServer dashboard = DashboardServer.start(vertx,
                DashboardConfig.of(kafka, SharedStack.get().jdbcUrl(db)).withPort(0))
                .await(60, TimeUnit.SECONDS);
        try {
            awaitReady(dashboard);
            ScreenClient screen = ScreenClient.open(vertx, dashboard.port(), "ops", "ops");

            Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
            Map<String, double[]> expected = sendReadings(t0);

            JsonObject alert = screen.await(m -> "alert".equals(m.getString("type"))
                    && LevelRule.RULE.equals(m.getJsonObject("alert").getString("rule")), Duration.ofSeconds(90))
                    .getJsonObject("alert");
            assertThat(alert.getString("district")).isEqualTo("310101");
            assertThat(alert.getString("indicatorId")).isEqualTo("air.pm25");
            assertThat(alert.getString("level")).isEqualTo("yellow");
            assertThat(alert.getString("kind")).isEqualTo("opened");

            Map<String, Double> stored = awaitStoredValues(t0, expected.size());
            expected.forEach((key, acc) -> assertThat(stored.get(key)).as(key).isCloseTo(acc[0] / acc[1],
                    within(1e-9)));

            Thread.sleep(3000); // give any wrong alert time to arrive before asserting there is none
            assertThat(screen.alerts()).filteredOn(a -> "level".equals(a.getString("rule"))
                            && !Instant.parse(a.getString("eventTime")).isBefore(t0))
                    .extracting(a -> a.getString("district")).containsOnly("310101");
            assertThat(clickHouse.query("SELECT DISTINCT district FROM " + db + ".alert_events WHERE rule = 'level'",
                    rs -> rs.getString(1))).containsExactly("310101");
        } finally {
            dashboard.close().await(10, TimeUnit.SECONDS);
            job.cancel().get(30, TimeUnit.SECONDS);
            history.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until the dashboard has replayed what Kafka held and accepts screens. */
    private static void awaitReady(DashboardServer dashboard) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!dashboard.ready()) {
            assertThat(System.nanoTime()).as("the dashboard did not become ready within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /**
     * Three minutes of PM2.5 from three sensors in each of three districts; Huangpu (310101) is over the yellow
     * threshold (115 µg/m³) from the second minute, the others stay clean. A last reading four minutes later moves
     * event time on so the windows close. Returns the expected 1-minute mean per "district|minute".
     */
    private static Map<String, double[]> sendReadings(Instant t0) throws Exception {
        Map<String, double[]> expected = new TreeMap<>();
        List<Reading> readings = new ArrayList<>();
        for (int minute = 0; minute < 3; minute++) {
            for (String district : List.of("310101", "310104", "310115")) {
                for (int s = 1; s <= 3; s++) {
                    double value = district.equals("310101") && minute >= 1 ? 110 + 5 * s : 20 + minute + s;
                    readings.add(pm25("sh-" + district + "-pm25-0" + s, district,
                            t0.plusSeconds(60L * minute + 10L * s), value));
                    double[] acc = expected.computeIfAbsent(district + "|" + minute, k -> new double[2]);
                    acc[0] += value;
                    acc[1]++;
                }
            }
        }
        readings.add(pm25("sh-310104-pm25-01", "310104", t0.plus(Duration.ofMinutes(7)), 20));
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Reading r : readings) {
                producer.send(new ProducerRecord<>(Topics.READINGS, r.sensorId().getBytes(), EventCodec.toJsonBytes(r)));
            }
            producer.flush();
        }
        return expected;
    }

    private static Reading pm25(String sensor, String district, Instant at, double value) {
        return new Reading(sensor, "pm25", value, "µg/m³", at, district, null, null, Quality.GOOD);
    }

    /** PM2.5 1-minute means per district in ClickHouse, polled until all expected windows are there. */
    private static Map<String, Double> awaitStoredValues(Instant t0, int expectedRows) throws Exception {
        ClickHouse ch = clickHouse;
        Map<String, Double> stored = new TreeMap<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            stored.clear();
            ch.query("SELECT district, toUnixTimestamp(window_start), value FROM " + db + ".indicator_values FINAL "
                    + "WHERE indicator_id = 'air.pm25' AND district != '310000' AND window_start < ?",
                    rs -> stored.put(rs.getString(1) + "|" + (rs.getLong(2) - t0.getEpochSecond()) / 60,
                            rs.getDouble(3)), java.sql.Timestamp.from(t0.plus(Duration.ofMinutes(3))));
            if (stored.size() >= expectedRows) {
                break;
            }
            Thread.sleep(200);
        }
        return stored;
    }

    private static Map<String, TopicMark> marks(String... topics) {
        Map<String, TopicMark> marks = new HashMap<>();
        for (String topic : topics) {
            marks.put(topic, TopicMark.now(kafka, topic));
        }
        return marks;
    }

    private static Map<TopicPartition, Long> offsets(Map<String, TopicMark> marks) {
        Map<TopicPartition, Long> all = new HashMap<>();
        marks.values().forEach(m -> all.putAll(m.offsets()));
        return all;
    }
}
