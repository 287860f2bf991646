package org.cityvitals.jobs;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.jobs.source.KafkaEvents;
import org.cityvitals.jobs.testing.JobStack;
import org.cityvitals.stack.testing.TopicMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.jobs.testing.Events.reading;

/**
 * A late event within the allowed lateness corrects its stored window; one beyond it becomes a dead letter. Runs the
 * live topology and sends each reading only once event time has visibly moved past it, so "late" means late.
 */
class LateDataIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private final JobStack stack = new JobStack();
    private String minute0;

    @Test
    void aLateReadingCorrectsItsWindowAndATooLateOneIsKeptAsADeadLetter() throws Exception {
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        String sensor = "sh-310101-pm25-01";
        String db = stack.database("late_it");
        minute0 = "SELECT value, samples, version FROM " + db + ".indicator_values FINAL "
                + "WHERE indicator_id = 'air.pm25' AND district = '310101' AND window_start = '2026-03-01 00:00:00'";
        Map<String, TopicMark> inputs = stack.mark(Topics.READINGS, Topics.INCIDENTS);
        TopicMark deadLetters = TopicMark.now(stack.kafka, Topics.DEAD_LETTERS);
        JobSettings settings = JobOptions.parse("--kafka", stack.kafka, "--clickhouse", stack.jdbcUrl(),
                "--database", db, "--allowed-lateness", "10m", "--idleness", "1s", "--checkpoint-interval", "1s",
                "--out-of-orderness", "5s");
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        new VitalSignsJob(settings, KafkaEvents.from(stack.kafka, db, JobStack.offsets(inputs), null),
                Jobs.clickHouseOutputs(settings)).build(env);
        JobClient job = env.executeAsync("late data");
        try {
            stack.send(List.of(reading("pm25", sensor, "310101", t0.plusSeconds(10), 100),
                    reading("pm25", sensor, "310101", t0.plusSeconds(20), 110),
                    reading("pm25", sensor, "310101", t0.plus(Duration.ofMinutes(3)), 50)), List.of());
            awaitRows(minute0, "105 | 2 | 1");

            stack.send(List.of(reading("pm25", sensor, "310101", t0.plusSeconds(30), 180)), List.of()); // late, in time
            awaitRows(minute0, "130 | 3 | 2");

            stack.send(List.of(reading("pm25", sensor, "310101", t0.plus(Duration.ofMinutes(20)), 50)), List.of());
            awaitRows("SELECT count() FROM " + db + ".indicator_values FINAL WHERE window_start = "
                    + "'2026-03-01 00:03:00' AND district = '310101' AND indicator_id = 'air.pm25'", "1");
            stack.send(List.of(reading("pm25", sensor, "310101", t0.plusSeconds(40), 999)), List.of()); // too late

            List<DeadLetter> dead = deadLetters.recordsUntil(1, Duration.ofSeconds(20)).stream()
                    .map(r -> SignalCodec.fromJson(r.value(), DeadLetter.class)).toList();
            assertThat(dead).extracting(DeadLetter::reason).containsExactly("too_late");
            assertThat(dead).allSatisfy(d -> assertThat(d.payload()).contains("999.0"));
            assertThat(stack.rows(minute0)).containsExactly("130 | 3 | 2");
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private void awaitRows(String sql, String... expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> rows = stack.rows(sql);
        while (!rows.equals(List.of(expected)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            rows = stack.rows(sql);
        }
        assertThat(rows).as(sql).containsExactly(expected);
    }
}
