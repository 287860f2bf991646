package org.cityvitals.jobs;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.jobs.history.HistoryLoader;
import org.cityvitals.jobs.sink.KafkaRefusals;
import org.cityvitals.jobs.source.KafkaEvents;
import org.cityvitals.jobs.testing.JobStack;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.testing.TopicMark;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.jobs.testing.Events.reading;

/**
 * ClickHouse down while the platform runs: the vital-signs job keeps publishing values to Kafka (the screens' source),
 * the history loader waits, and once ClickHouse is back it stores everything it missed.
 */
class ClickHouseOutageIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    private final JobStack stack = new JobStack();

    @Test
    void valuesKeepFlowingWhileTheStoreIsDownAndTheLoaderCatchesUp(@TempDir Path dir) throws Exception {
        ClickHouseServer store = ClickHouseServer.start(dir.resolve("ch"));
        new SchemaMigrator(new ClickHouse(store.jdbcUrl("default")), "outage").migrate();
        int httpPort = store.httpPort();
        int tcpPort = store.tcpPort();
        store.close();

        Map<String, TopicMark> inputs = stack.mark(Topics.READINGS, Topics.INCIDENTS);
        TopicMark values = TopicMark.now(stack.kafka, Topics.INDICATOR_UPDATES);
        JobSettings settings = JobOptions.parse("--kafka", stack.kafka, "--clickhouse", store.jdbcUrl("default"),
                "--database", "outage", "--out-of-orderness", "0s", "--idleness", "1s", "--checkpoint-interval", "1s");
        StreamExecutionEnvironment vitalsEnv = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        new VitalSignsJob(settings, KafkaEvents.from(stack.kafka, "outage-vitals", JobStack.offsets(inputs), null),
                Jobs.kafkaOutputs(settings)).build(vitalsEnv);
        JobClient vitals = vitalsEnv.executeAsync("vitals");
        StreamExecutionEnvironment loaderEnv = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        new HistoryLoader(settings, new KafkaRefusals(stack.kafka), (topic, source) -> source.setStartingOffsets(
                OffsetsInitializer.offsets(TopicMark.now(stack.kafka, topic).offsets()))).build(loaderEnv);
        JobClient loader = loaderEnv.executeAsync("history");
        ClickHouseServer again = null;
        try {
            Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
            List<Reading> readings = new ArrayList<>();
            for (int minute = 0; minute < 3; minute++) {
                readings.add(reading("pm25", "sh-310101-pm25-01", "310101", t0.plusSeconds(60L * minute + 5), 40));
            }
            stack.send(readings, List.of());
            // the windows of 00:00 and 00:01 reach Kafka although ClickHouse is down
            assertThat(values.recordsUntil(2, Duration.ofSeconds(30))).hasSizeGreaterThanOrEqualTo(2);

            again = ClickHouseServer.start(dir.resolve("ch"), httpPort, tcpPort);
            ClickHouse ch = new ClickHouse(again.jdbcUrl("default"));
            long deadline = System.currentTimeMillis() + 60_000;
            List<Long> stored = List.of(0L);
            while (stored.get(0) < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                stored = ch.query("SELECT count() FROM outage.indicator_values FINAL WHERE indicator_id = 'air.pm25' "
                        + "AND district = '310101'", rs -> rs.getLong(1));
            }
            assertThat(stored.get(0)).as("windows stored after ClickHouse returned").isGreaterThanOrEqualTo(2);
        } finally {
            vitals.cancel().get(30, TimeUnit.SECONDS);
            loader.cancel().get(30, TimeUnit.SECONDS);
            if (again != null) {
                again.close();
            }
        }
    }
}
