package org.cityvitals.launcher;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.Topics;
import org.cityvitals.ingest.replay.Replay;
import org.cityvitals.jobs.JobOptions;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.Jobs;
import org.cityvitals.jobs.VitalSignsJob;
import org.cityvitals.jobs.source.KafkaEvents;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.stack.testing.TopicMark;
import org.cityvitals.store.SchemaMigrator;
import org.apache.kafka.common.TopicPartition;
import java.util.HashMap;
import org.cityvitals.store.ClickHouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Correctness on real data: the Beijing air-quality sample replayed through ingest and Kafka into the production
 * topology, and every stored hourly PM2.5 mean of every district and of the city compared with one computed here
 * straight from the CSV.
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

    @Test
    void everyStoredHourlyDistrictAndCityMeanEqualsTheMeanOfTheCsv() throws Exception {
        String kafka = SharedStack.get().kafka(Topics.all());
        ClickHouse admin = new ClickHouse(SharedStack.get().jdbcUrl("default"));
        String db = SharedStack.unique("beijing");
        new SchemaMigrator(admin, db).migrate();
        Map<String, TopicMark> marks = Map.of(Topics.READINGS, TopicMark.now(kafka, Topics.READINGS));
        ByteArrayOutputStream replayOutput = new ByteArrayOutputStream();
        int replayed = Replay.run(new String[] {"--dataset", "beijing-aq", "--file", SAMPLE.toString(), "--max",
                "--kafka", kafka}, new PrintStream(replayOutput, true, StandardCharsets.UTF_8));
        assertThat(replayed).as(replayOutput.toString(StandardCharsets.UTF_8)).isZero();

        JobSettings settings = JobOptions.parse("--kafka", kafka, "--clickhouse", admin.url(), "--database", db)
                .withOrigin(Origin.BACKFILL);
        Map<TopicPartition, Long> start = new HashMap<>(marks.get(Topics.READINGS).offsets());
        Map<TopicPartition, Long> end = new HashMap<>(TopicMark.now(kafka, Topics.READINGS).offsets());
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        new VitalSignsJob(settings, KafkaEvents.from(kafka, db, start, end), Jobs.clickHouseOutputs(settings))
                .build(env);
        env.execute("beijing");

        Map<String, Double> stored = new TreeMap<>();
        admin.query("SELECT district, toUnixTimestamp(hour), avgMerge(value_avg) FROM " + db
                        + ".indicator_values_hourly WHERE indicator_id = 'air.pm25' GROUP BY district, hour",
                rs -> stored.put(rs.getString(1) + "@" + rs.getLong(2), rs.getDouble(3)));

        // districts: the mean of their stations; the city (110000): the pooled mean over every station, as the
        // catalogue's city rule for air.pm25 says
        Map<String, double[]> expected = hourlyMeansFromCsv();
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, acc) -> assertThat(stored.get(key)).as(key)
                .isCloseTo(acc[0] / acc[1], within(1e-9)));
        assertThat(expected.keySet()).anyMatch(k -> k.startsWith("110000@"));
    }

    /** "district@epochSecondOfTheHour" and "110000@…" → {sum, count} of PM2.5, skipping the NA cells. */
    private static Map<String, double[]> hourlyMeansFromCsv() throws Exception {
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
            for (String area : List.of(DISTRICT_OF_STATION.get(f[station]), "110000")) {
                double[] acc = means.computeIfAbsent(area + "@" + epoch, k -> new double[2]);
                acc[0] += Double.parseDouble(f[pm25]);
                acc[1]++;
            }
        }
        return means;
    }
}
