package org.cityvitals.launcher;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.Topics;
import org.cityvitals.ingest.replay.Replay;
import org.cityvitals.ingest.replay.ReplayProgress;
import org.cityvitals.ingest.replay.ReplayRequest;
import org.cityvitals.ingest.replay.ReplayResult;
import org.cityvitals.ingest.source.BeijingAirQualityAdapter;
import org.cityvitals.jobs.JobOptions;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.Jobs;
import org.cityvitals.jobs.VitalSignsJob;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Correctness on real data: the Beijing air-quality sample replayed through ingest into the replay topics, the
 * backfill job run over exactly what the replay's result names (its offsets and id), and every stored hourly PM2.5
 * mean of every district and of the city compared with one computed here straight from the CSV.
 */
class BeijingReplayIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @Test
    void everyStoredHourlyDistrictAndCityMeanEqualsTheMeanOfTheCsv() throws Exception {
        String kafka = SharedStack.get().kafka(Topics.all());
        ClickHouse admin = new ClickHouse(SharedStack.get().jdbcUrl("default"));
        String db = SharedStack.unique("beijing");
        new SchemaMigrator(admin, db).migrate();
        ReplayResult replay = Replay.publish(ReplayRequest.of(new BeijingAirQualityAdapter(), BeijingSample.FILE),
                kafka, ReplayProgress.NONE);
        assertThat(replay.succeeded()).as(replay.toString()).isTrue();

        JobSettings settings = JobOptions.parse("--kafka", kafka, "--clickhouse", admin.url(), "--database", db);
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        Jobs.backfill(settings, replay.id(), replay.startOffsets(), replay.endOffsets()).build(env);
        env.execute("beijing backfill");

        Map<String, Double> stored = BeijingSample.storedHourlyPm25(admin, db);

        // districts: the mean of their stations; the city (110000): the pooled mean over every station, as the
        // catalogue's city rule for air.pm25 says
        Map<String, double[]> expected = BeijingSample.hourlyPm25MeansFromCsv();
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, acc) -> assertThat(stored.get(key)).as(key)
                .isCloseTo(acc[0] / acc[1], within(1e-9)));
        assertThat(expected.keySet()).anyMatch(k -> k.startsWith("110000@"));
    }
}
