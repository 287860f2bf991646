package org.cityvitals.launcher;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.Topics;
import org.cityvitals.ingest.kafka.EventTopics;
import org.cityvitals.ingest.replay.Replay;
import org.cityvitals.ingest.replay.ReplayProgress;
import org.cityvitals.ingest.replay.ReplayRequest;
import org.cityvitals.ingest.replay.ReplayResult;
import org.cityvitals.ingest.source.BeijingAirQualityAdapter;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.VitalSignsMain;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.KafkaBroker;
import org.cityvitals.store.ClickHouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Correctness on real data: the Beijing air-quality sample replayed through ingest and Kafka into the production
 * job, and every stored hourly district PM2.5 mean compared with one computed here straight from the CSV.
 */
class BeijingReplayIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Path SAMPLE = Path.of("..", "data", "samples", "beijing_aq_12stations_2013-03.csv");

    /** Station → district (GB/T 2260 code), written out here so the expectation does not reuse the profile. */
    private static final Map<String, String> DISTRICT_OF_STATION = Map.ofEntries(
            Map.entry("Aotizhongxin", "110105"), Map.entry("Nongzhanguan", "110105"),
            Map.entry("Dongsi", "110101"), Map.entry("Tiantan", "110101"),
            Map.entry("Guanyuan", "110102"), Map.entry("Wanshouxigong", "110102"),
            Map.entry("Gucheng", "110107"), Map.entry("Wanliu", "110108"),
            Map.entry("Changping", "110114"), Map.entry("Dingling", "110114"),
            Map.entry("Huairou", "110116"), Map.entry("Shunyi", "110113"));

    @TempDir
    Path dir;

    @Test
    void everyStoredHourlyDistrictMeanEqualsTheMeanOfTheCsv() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
             ClickHouseServer clickHouse = ClickHouseServer.start(dir.resolve("clickhouse"))) {
            kafka.createTopics(2, Topics.all());
            // straight into the live topics: this test checks the job's arithmetic on real data, not the backfill
            ReplayResult replayed = Replay.publish(ReplayRequest.of(new BeijingAirQualityAdapter(), SAMPLE)
                    .withTopics(EventTopics.LIVE), kafka.bootstrapServers(), ReplayProgress.NONE);
            assertThat(replayed.succeeded()).as(replayed.toString()).isTrue();

            JobSettings settings = JobSettings.parse("--kafka", kafka.bootstrapServers(),
                    "--clickhouse", clickHouse.jdbcUrl("default"), "--city", "beijing", "--from-earliest",
                    "--until-latest");
            JobClient job = VitalSignsMain.start(StreamExecutionEnvironment.getExecutionEnvironment(), settings);
            job.getJobExecutionResult().get(5, TimeUnit.MINUTES);

            Map<String, Double> stored = new TreeMap<>();
            new ClickHouse(clickHouse.jdbcUrl("default")).query("SELECT district, toUnixTimestamp(hour), "
                    + "avgMerge(value_avg) FROM cityvitals.indicator_values_hourly WHERE indicator_id = 'air.pm25' "
                    + "AND district != '110000' GROUP BY district, hour",
                    rs -> stored.put(rs.getString(1) + "@" + rs.getLong(2), rs.getDouble(3)));

            Map<String, double[]> expected = hourlyDistrictMeansFromCsv();
            assertThat(stored.keySet()).isEqualTo(expected.keySet());
            expected.forEach((key, acc) -> assertThat(stored.get(key)).as(key)
                    .isCloseTo(acc[0] / acc[1], within(1e-9)));
        }
    }

    /** "district@epochSecondOfTheHour" → {sum, count} of PM2.5, skipping the NA cells. */
    private static Map<String, double[]> hourlyDistrictMeansFromCsv() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
        int year = header.indexOf("year");
        int month = header.indexOf("month");
        int day = header.indexOf("day");
        int hour = header.indexOf("hour");
        int pm25 = header.indexOf("PM2.5");
        int station = header.indexOf("station");
        Map<String, double[]> means = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.strip().replace("\"", "").split(",");
            if (f[pm25].equals("NA")) {
                continue;
            }
            long epoch = LocalDateTime.of(Integer.parseInt(f[year]), Integer.parseInt(f[month]),
                    Integer.parseInt(f[day]), Integer.parseInt(f[hour]), 0)
                    .atZone(ZoneId.of("Asia/Shanghai")).toEpochSecond();
            double[] acc = means.computeIfAbsent(DISTRICT_OF_STATION.get(f[station]) + "@" + epoch,
                    k -> new double[2]);
            acc[0] += Double.parseDouble(f[pm25]);
            acc[1]++;
        }
        return means;
    }
}
