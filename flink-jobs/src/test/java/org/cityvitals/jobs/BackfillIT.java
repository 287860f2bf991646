package org.cityvitals.jobs;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.TopicPartition;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.jobs.testing.JobStack;
import org.cityvitals.stack.testing.TopicMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.jobs.testing.Events.reading;

/**
 * A backfill computes one replay's history into ClickHouse beside everything else in the replay topics: only its own
 * records (by header), marked as backfill, and the same content however often it is run.
 */
class BackfillIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private final JobStack stack = new JobStack();

    @Test
    void aBackfillTakesOnlyItsReplaysRecordsMarksThemAndRepeatsExactly() throws Exception {
        Instant t0 = Instant.parse("2013-03-01T00:00:00Z");
        Map<String, TopicMark> marks = stack.mark(Topics.REPLAY_READINGS, Topics.REPLAY_INCIDENTS);
        List<Reading> beijing = new ArrayList<>();
        List<Reading> other = new ArrayList<>();
        for (int hour = 0; hour < 6; hour++) {
            // Dongcheng's station: 80 µg/m³ then 200 from the third hour (PM2.5 red at 250 is not reached; orange 150)
            beijing.add(reading("pm25", "bj-dongsi", "110101", t0.plus(Duration.ofHours(hour)), hour < 2 ? 80 : 200));
            other.add(reading("pm25", "bj-other", "110101", t0.plus(Duration.ofHours(hour)).plusSeconds(1), 999));
        }
        stack.sendReplay("replay-a", beijing);
        stack.sendReplay("replay-b", other);
        Map<TopicPartition, Long> start = JobStack.offsets(marks);
        Map<TopicPartition, Long> end = stack.ends(marks);
        String db = stack.database("backfill_it");

        backfill(db, start, end);
        List<String> first = content(db);
        backfill(db, start, end);

        assertThat(stack.rows("SELECT toHour(window_start), value, origin FROM " + db + ".indicator_values FINAL "
                + "WHERE indicator_id = 'air.pm25' AND district = '110101' ORDER BY window_start"))
                .containsExactly("0 | 80 | backfill", "1 | 80 | backfill", "2 | 200 | backfill", "3 | 200 | backfill",
                        "4 | 200 | backfill", "5 | 200 | backfill");
        assertThat(stack.rows("SELECT kind, level, origin FROM " + db + ".alert_events FINAL "
                + "WHERE rule = 'level' AND district = '110101' ORDER BY event_time, version"))
                .startsWith("opened | blue | backfill");
        assertThat(content(db)).as("a second backfill of the same replay").isEqualTo(first);
    }

    private void backfill(String db, Map<TopicPartition, Long> start, Map<TopicPartition, Long> end)
            throws Exception {
        JobSettings settings = JobOptions.parse("--kafka", stack.kafka, "--clickhouse", stack.jdbcUrl(),
                "--database", db);
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        Jobs.backfill(settings, "replay-a", start, end).build(env);
        env.execute("backfill");
    }

    private List<String> content(String db) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("indicator_values", "alert_events", "health_scores", "readings")) {
            rows.addAll(stack.rows("SELECT '" + table + "', * FROM " + db + "." + table + " FINAL ORDER BY tuple(*)"));
        }
        return rows;
    }
}
