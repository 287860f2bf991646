package org.cityvitals.jobs;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A late event within the allowed lateness corrects its stored window; one beyond it becomes a dead letter. Runs the
 * live job and sends each reading only once event time has visibly moved past it, so "late" means late.
 */
class LateDataIT {

    @RegisterExtension
    static final StackFixture stack = new StackFixture(1);

    private static final String MINUTE_0 = "SELECT value, samples, version FROM late_it.indicator_values FINAL "
            + "WHERE indicator_id = 'air.pm25' AND district = '310101' AND window_start = '2026-03-01 00:00:00'";

    @Test
    void aLateReadingCorrectsItsWindowAndATooLateOneIsKeptAsADeadLetter() throws Exception {
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        String sensor = "sh-310101-pm25-01";
        JobSettings settings = stack.live("late_it", "--allowed-lateness", "10m", "--idleness", "1s",
                "--checkpoint-interval", "1s");
        JobClient job = VitalSignsMain.start(StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        try {
            stack.send(List.of(
                    StackFixture.pm25(sensor, "310101", t0.plusSeconds(10), 100),
                    StackFixture.pm25(sensor, "310101", t0.plusSeconds(20), 110),
                    StackFixture.pm25(sensor, "310101", t0.plus(Duration.ofMinutes(3)), 50)));
            awaitRows(MINUTE_0, "105 | 2 | 1");

            stack.send(List.of(StackFixture.pm25(sensor, "310101", t0.plusSeconds(30), 180))); // late, in time
            awaitRows(MINUTE_0, "130 | 3 | 2");

            stack.send(List.of(StackFixture.pm25(sensor, "310101", t0.plus(Duration.ofMinutes(20)), 50)));
            awaitRows("SELECT count() FROM late_it.indicator_values FINAL WHERE window_start = "
                    + "'2026-03-01 00:03:00' AND district = '310101' AND indicator_id = 'air.pm25'", "1");
            stack.send(List.of(StackFixture.pm25(sensor, "310101", t0.plusSeconds(40), 999))); // too late

            List<DeadLetter> dead = stack.readAll(Topics.DEAD_LETTERS, 2).stream()
                    .map(json -> SignalCodec.fromJson(json, DeadLetter.class)).toList();
            assertThat(dead).extracting(DeadLetter::reason).containsExactly("too_late", "too_late");
            assertThat(dead).allSatisfy(d -> assertThat(d.payload()).contains("999.0"));
            assertThat(stack.rows(MINUTE_0)).containsExactly("130 | 3 | 2");
            List<IndicatorValue> published = stack.readAll(Topics.INDICATOR_UPDATES, 1).stream()
                    .map(json -> SignalCodec.fromJson(json, IndicatorValue.class))
                    .filter(v -> v.district().equals("310101") && v.windowStart().equals(t0)).toList();
            assertThat(published).extracting(IndicatorValue::value, IndicatorValue::version)
                    .containsExactly(tuple(105.0, 1L), tuple(130.0, 2L));
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitRows(String sql, String... expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> rows = stack.rows(sql);
        while (!rows.equals(List.of(expected)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            rows = stack.rows(sql);
        }
        assertThat(rows).as(sql).containsExactly(expected);
    }
}
