package org.cityvitals.jobs;

import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.jobs.history.HistoryLoader;
import org.cityvitals.jobs.sink.KafkaRefusals;
import org.cityvitals.jobs.source.KafkaEvents;
import org.cityvitals.jobs.testing.JobStack;
import org.cityvitals.stack.testing.TopicMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.jobs.testing.Events.reading;

/**
 * The deployed pair on real components: the vital-signs job reads readings from a real Kafka broker and publishes
 * values, alerts and dead letters to Kafka; the history loader takes them into a real ClickHouse server. Both run on
 * a MiniCluster as in the demo, bounded to what this test wrote.
 */
class VitalSignsIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private final JobStack stack = new JobStack();

    @Test
    void oneDistrictOverTheThresholdAlertsAloneAndEveryWindowIsStoredThroughTheLoader() throws Exception {
        Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
        String[] districts = {"310101", "310104", "310115"};
        List<Reading> readings = new ArrayList<>();
        Map<String, double[]> sums = new TreeMap<>(); // "district|minute" -> {sum, count}
        for (int minute = 0; minute < 5; minute++) {
            for (String d : districts) {
                for (int s = 0; s < 3; s++) {
                    // Huangpu (310101) climbs into yellow (>= 115) from minute 2; the others stay normal.
                    double value = d.equals("310101") && minute >= 2 ? 120 + s * 5 : 30 + minute + s;
                    readings.add(reading("pm25", d + "-pm25-" + s, d, t0.plusSeconds(minute * 60L + s * 15L), value));
                    for (String key : List.of(d + "|" + minute, "310000|" + minute)) {
                        double[] acc = sums.computeIfAbsent(key, k -> new double[2]);
                        acc[0] += value;
                        acc[1]++;
                    }
                }
            }
        }
        readings.add(reading("pm25", "310104-pm25-0", "310104", t0.plusSeconds(3600), 30)); // moves event time on
        Map<String, TopicMark> inputs = stack.mark(Topics.READINGS, Topics.INCIDENTS);
        Map<String, TopicMark> outputs = stack.mark(Topics.INDICATOR_UPDATES, Topics.ALERT_EVENTS,
                Topics.HEALTH_SCORES, Topics.DEAD_LETTERS);
        stack.send(readings, List.of(), "{\"sensorId\":\"x\"}");
        String db = stack.database("vitals_it");
        JobSettings settings = JobOptions.parse("--kafka", stack.kafka, "--clickhouse", stack.jdbcUrl(),
                "--database", db, "--out-of-orderness", "0s");

        StreamExecutionEnvironment vitals = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        new VitalSignsJob(settings, KafkaEvents.from(stack.kafka, db, JobStack.offsets(inputs),
                stack.ends(inputs)), Jobs.kafkaOutputs(settings)).build(vitals);
        vitals.execute("vitals");

        // the loader takes both what the job read and what it published, each bounded to this test's records
        Map<String, TopicMark> before = new java.util.HashMap<>(outputs);
        before.putAll(inputs);
        Map<String, TopicMark> after = stack.mark(before.keySet().toArray(String[]::new));
        StreamExecutionEnvironment history = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        new HistoryLoader(settings, new KafkaRefusals(stack.kafka), (topic, source) -> bounded(source,
                before.get(topic), after.get(topic))).build(history);
        history.execute("history");

        List<String> expected = new ArrayList<>();
        sums.forEach((key, acc) -> {
            String[] areaAndMinute = key.split("\\|");
            expected.add(areaAndMinute[0] + " | " + areaAndMinute[1] + " | " + format(acc[0] / acc[1]));
        });
        assertThat(stack.rows("SELECT district, intDiv(toUInt32(window_start) - " + t0.getEpochSecond()
                + ", 60), round(value, 4) FROM " + db + ".indicator_values FINAL WHERE indicator_id = 'air.pm25' "
                + "AND window_start < '2026-03-02 00:05:00' ORDER BY district, window_start"))
                .containsExactlyElementsOf(expected);
        assertThat(stack.rows("SELECT district, kind, level, origin FROM " + db + ".alert_events FINAL "
                + "WHERE rule = 'level' AND indicator_id = 'air.pm25'"))
                .containsExactly("310101 | opened | yellow | live");
        assertThat(stack.rows("SELECT count(), min(schema_version) FROM " + db + ".readings FINAL"))
                .containsExactly(readings.size() + " | 6");
        List<DeadLetter> dead = outputs.get(Topics.DEAD_LETTERS).values().stream()
                .map(json -> SignalCodec.fromJson(json, DeadLetter.class)).toList();
        assertThat(dead).extracting(DeadLetter::reason).containsExactly("schema_violation");
        assertThat(outputs.get(Topics.ALERT_EVENTS).values().stream()
                .map(json -> SignalCodec.fromJson(json, AlertEvent.class)))
                .anyMatch(a -> a.district().equals("310101") && a.rule().equals("level"));
    }

    private static void bounded(KafkaSourceBuilder<?> source, TopicMark from, TopicMark to) {
        source.setStartingOffsets(OffsetsInitializer.offsets(from.offsets()))
                .setBounded(OffsetsInitializer.offsets(to.offsets()));
    }

    private static String format(double v) {
        return new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
