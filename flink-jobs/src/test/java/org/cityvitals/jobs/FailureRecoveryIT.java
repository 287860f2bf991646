package org.cityvitals.jobs;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.TopicPartition;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.jobs.source.KafkaEvents;
import org.cityvitals.jobs.testing.JobStack;
import org.cityvitals.stack.testing.TopicMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.jobs.testing.Events.reading;
import static org.cityvitals.jobs.testing.Events.reported;
import static org.cityvitals.jobs.testing.Events.resolved;

/**
 * A failure in the middle of the stream, a restart from the last checkpoint, and ClickHouse ends up holding exactly
 * what a run without failure stores: deterministic keys, versions from restored state, ReplacingMergeTree.
 */
class FailureRecoveryIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    /** Shared with the sink's task: the MiniCluster runs in this JVM. */
    static final AtomicLong WRITES = new AtomicLong();
    static final AtomicBoolean FAILED = new AtomicBoolean();

    private final JobStack stack = new JobStack();

    @Test
    void aRestartFromCheckpointStoresExactlyWhatACleanRunStores() throws Exception {
        Map<String, TopicMark> marks = stack.mark(Topics.READINGS, Topics.INCIDENTS);
        sendHalfAnHourOfCity();
        Map<TopicPartition, Long> start = JobStack.offsets(marks);
        Map<TopicPartition, Long> end = stack.ends(marks);

        String clean = stack.database("clean_run");
        run(clean, start, end, false);
        String failed = stack.database("failed_run");
        run(failed, start, end, true);
        assertThat(FAILED).as("the failure was injected").isTrue();

        for (String table : List.of("indicator_values", "alert_events", "health_scores", "readings", "incidents")) {
            String query = "SELECT * FROM %s." + table + " FINAL ORDER BY tuple(*)";
            List<String> expected = stack.rows(String.format(query, clean));
            assertThat(expected).as(table + " has rows").isNotEmpty();
            assertThat(stack.rows(String.format(query, failed))).as(table).isEqualTo(expected);
        }
    }

    /** The whole topology straight into ClickHouse (as a backfill writes), over what this test sent. */
    private void run(String db, Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, boolean fail)
            throws Exception {
        JobSettings settings = JobOptions.parse("--kafka", stack.kafka, "--clickhouse", stack.jdbcUrl(),
                "--database", db, "--checkpoint-interval", "200ms", "--idleness", "1h").withOrigin(Origin.BACKFILL);
        VitalSignsJob.Outputs production = Jobs.clickHouseOutputs(settings);
        List<Sink<IndicatorValue>> values = new ArrayList<>(production.values());
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        if (fail) {
            values.add(new FailOnceAfterACheckpoint());
            Configuration restart = new Configuration();
            restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
            restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
            // Barriers overtake the records queued before the slow sink, so a checkpoint completes early.
            restart.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
            env.configure(restart);
        }
        new VitalSignsJob(settings, KafkaEvents.from(stack.kafka, db, start, end), new VitalSignsJob.Outputs(values,
                production.alerts(), production.healthScores(), production.readings(), production.incidents(),
                production.deadLetters())).build(env);
        env.execute("recovery " + db);
    }

    /** 30 minutes, 4 districts, 2 PM2.5 sensors each, one district polluted mid-way; and hotline cases. */
    private void sendHalfAnHourOfCity() {
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        List<Reading> readings = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        String[] districts = {"310101", "310104", "310105", "310115"};
        for (int second = 0; second < 30 * 60; second += 20) {
            for (String d : districts) {
                for (int s = 1; s <= 2; s++) {
                    boolean episode = d.equals("310101") && second > 600 && second < 1500;
                    double value = (episode ? 160 : 35) + (second / 20 % 7) + s;
                    readings.add(reading("pm25", "sh-" + d + "-pm25-0" + s, d, t0.plusSeconds(second), value));
                }
            }
        }
        for (int i = 0; i < 40; i++) {
            Incident report = reported("h" + i, IncidentSource.HOTLINE_12345, "noise", districts[i % 4],
                    t0.plusSeconds(i * 40L));
            incidents.add(report);
            if (i % 2 == 0) {
                incidents.add(resolved(report, report.reportedAt().plusSeconds(120),
                        report.reportedAt().plusSeconds(600)));
            }
        }
        // In event-time order, as ingest publishes them: lifecycle events out of order by more than the bound would
        // be late, and how often a late event re-fires a window depends on when watermarks happen to be emitted.
        incidents.sort(Comparator.comparing(i -> i.resolvedAt() != null ? i.resolvedAt() : i.reportedAt()));
        stack.send(readings, incidents);
    }

    /**
     * Throws once, on the 300th indicator value (about a third of them), slowly enough that checkpoints taken every
     * 200 ms have completed by then: the job restarts from the latest one.
     */
    static final class FailOnceAfterACheckpoint implements Sink<IndicatorValue> {
        @Override
        public SinkWriter<IndicatorValue> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(IndicatorValue element, Context ctx) throws InterruptedException {
                    Thread.sleep(2);
                    if (WRITES.incrementAndGet() == 300 && !FAILED.getAndSet(true)) {
                        throw new IllegalStateException("injected failure");
                    }
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
