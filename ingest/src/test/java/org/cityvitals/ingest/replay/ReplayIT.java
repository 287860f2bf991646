package org.cityvitals.ingest.replay;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.cityvitals.indicators.cli.Cli;
import org.cityvitals.ingest.source.Nyc311Adapter;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.ingest.SampleData;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.ingest.PublishedSchemas;
import org.cityvitals.stack.testing.TopicMark;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.SignalCodec;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each sample file replayed through the real entry point into a real broker: the published events, their order and
 * the dead letters must match counts the test computes from the file itself.
 */
class ReplayIT {
    private static final List<String> BEIJING_COLUMNS =
            List.of("PM2.5", "PM10", "SO2", "NO2", "CO", "O3", "TEMP", "PRES", "RAIN", "WSPM");

    @Test
    void beijingPublishesEveryMeasuredValueAndCountsNaTokens() {
        List<Map<String, String>> rows = SampleData.rows("beijing_aq_12stations_2013-03.csv");
        long na = rows.stream().flatMap(r -> BEIJING_COLUMNS.stream().map(r::get)).filter("NA"::equals).count();
        long values = (long) rows.size() * BEIJING_COLUMNS.size() - na;

        Outcome outcome = replay("beijing-aq", "beijing_aq_12stations_2013-03.csv");

        outcome.assertPublished(rows.size(), values, 0, Map.of());
        assertThat(outcome.output).containsPattern("missing values\\s+" + String.format(Locale.ROOT, "%,d", na));
        assertThat(na).isPositive();
        Reading first = EventCodec.decodeReading(outcome.readings.get(0).value()).value();
        assertThat(first.observedAt()).isEqualTo(Instant.parse("2013-02-28T16:00:00Z")); // 00:00 Beijing time
        assertThat(first.district()).isEqualTo("110105"); // Aotizhongxin lies in Chaoyang
    }

    @Test
    void aarhusRejectsRepeatedSegmentTimestamps() {
        List<Map<String, String>> rows = SampleData.rows("aarhus_traffic_6sensors_2014-02-13_to_2014-02-20.csv");
        long distinct = rows.stream().map(r -> r.get("REPORT_ID") + r.get("TIMESTAMP")).distinct().count();

        Outcome outcome = replay("aarhus-traffic", "aarhus_traffic_6sensors_2014-02-13_to_2014-02-20.csv");

        outcome.assertPublished(rows.size(), distinct * 2, 0, Map.of("duplicate", rows.size() - distinct));
        assertThat(rows.size() - distinct).isPositive();
    }

    @Test
    void metroI94KeepsOneRowPerHourAndRejectsDaylightSavingGaps() {
        List<Map<String, String>> rows = SampleData.rows("metro_i94_traffic_volume_first10000.csv");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        ZoneId chicago = ZoneId.of("America/Chicago");
        Set<String> hours = new HashSet<>();
        long gaps = 0;
        long duplicates = 0;
        for (Map<String, String> row : rows) {
            LocalDateTime local = LocalDateTime.parse(row.get("date_time"), format);
            if (chicago.getRules().getValidOffsets(local).isEmpty()) gaps++;
            else if (!hours.add(row.get("date_time"))) duplicates++;
        }

        Outcome outcome = replay("metro-i94", "metro_i94_traffic_volume_first10000.csv");

        Map<String, Long> expected = new TreeMap<>(Map.of("duplicate", duplicates));
        if (gaps > 0) expected.put("nonexistent_local_time", gaps);
        outcome.assertPublished(rows.size(), hours.size() * 3L, 0, expected);
        Reading temperature = outcome.readingsDecoded().stream().filter(r -> r.metric().equals("temperature"))
                .findFirst().orElseThrow();
        assertThat(temperature.value()).isCloseTo(288.28 - 273.15, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void boston311PublishesLifecycleAndRejectsRowsWithoutDistrict() {
        List<Map<String, String>> rows = SampleData.rows("boston311_2015-01_sample.csv");
        CityProfile boston = CityProfiles.byId("boston");
        long placed = 0;
        long closed = 0;
        long missing = 0;
        long unknown = 0;
        for (Map<String, String> row : rows) {
            String neighbourhood = row.get("neighborhood");
            boolean hasPolice = !row.get("police_district").isEmpty();
            if (boston.resolve(neighbourhood).isPresent() || hasPolice) {
                placed++;
                if (!row.get("CLOSED_DT").isEmpty()) closed++;
            } else if (neighbourhood.isEmpty()) {
                missing++;
            } else {
                unknown++;
            }
        }

        Outcome outcome = replay("boston-311", "boston311_2015-01_sample.csv");

        Map<String, Long> expected = new TreeMap<>(Map.of("missing_district", missing));
        if (unknown > 0) expected.put("unknown_district", unknown);
        outcome.assertPublished(rows.size(), 0, placed + closed, expected);
        assertThat(missing).isPositive();
    }

    @Test
    void nyc311PublishesReportedAndResolvedCases() {
        List<Map<String, String>> rows = SampleData.rows("nyc311_2022-05-01_0000-0206.csv");
        long closed = rows.stream().filter(r -> !r.get("Closed Date").isEmpty()).count();

        Outcome outcome = replay("nyc-311", "nyc311_2022-05-01_0000-0206.csv");

        outcome.assertPublished(rows.size(), 0, rows.size() + closed, Map.of());
    }

    @Test
    void tetouanPublishesThreeZoneLoadsAndTheWeather() {
        List<Map<String, String>> rows = SampleData.rows("tetouan_power_2017-01-01_to_2017-02-28.csv");

        Outcome outcome = replay("tetouan-power", "tetouan_power_2017-01-01_to_2017-02-28.csv");

        outcome.assertPublished(rows.size(), rows.size() * 5L, 0, Map.of());
        assertThat(outcome.readingsDecoded().stream().map(Reading::district).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("ma-tet-zone1", "ma-tet-zone2", "ma-tet-zone3");
    }

    @Test
    void nabTaxiSeriesReplaysUnchangedThroughTheTimeSeriesAdapter() {
        List<Map<String, String>> rows = SampleData.rows("nab_nyc_taxi.csv");

        Outcome outcome = replay("timeseries", "nab_nyc_taxi.csv", "--time-column", "timestamp", "--time-format",
                "yyyy-MM-dd HH:mm:ss", "--zone", "America/New_York", "--value-column", "value", "--metric",
                "generic", "--district", "36061", "--sensor", "nab-nyc-taxi");

        outcome.assertPublished(rows.size(), rows.size(), 0, Map.of());
        List<Reading> readings = outcome.readingsDecoded();
        for (int i = 0; i < rows.size(); i++) {
            Reading r = readings.get(i);
            assertThat(r.value()).as("row %d", i + 1).isEqualTo(Double.parseDouble(rows.get(i).get("value")));
            assertThat(r.sensorId()).isEqualTo("nab-nyc-taxi");
            assertThat(r.district()).isEqualTo("36061");
            assertThat(r.unit()).isEqualTo("1");
        }
        // first row: 2014-07-01 00:00 in New York is EDT, UTC-4; the last, 2015-01-31 23:30, is EST, UTC-5
        assertThat(readings.get(0).observedAt()).isEqualTo(Instant.parse("2014-07-01T04:00:00Z"));
        assertThat(readings.get(rows.size() - 1).observedAt()).isEqualTo(Instant.parse("2015-02-01T04:30:00Z"));
        assertThat(outcome.output).contains("city               us-ny-nyc, event time 2014-07-01T04:00:00Z to "
                + "2015-02-01T04:30:00Z").containsPattern("sensors\\s+1\\n");
    }

    @Test
    void theResultNamesExactlyTheRecordsTheReplayPublished() throws Exception {
        String kafka = SharedStack.get().kafka(1, Topics.REPLAY_READINGS, Topics.REPLAY_INCIDENTS,
                Topics.DEAD_LETTERS);
        ReplayResult result = Replay.publish(ReplayRequest.of(new Nyc311Adapter(),
                SampleData.path("nyc311_2022-05-01_0000-0206.csv")).withId("nyc-test-1"), kafka, ReplayProgress.NONE);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.cityCode()).isEqualTo("us-ny-nyc");
        assertThat(written(result, Topics.REPLAY_INCIDENTS)).isEqualTo(result.eventsPublished());
        assertThat(written(result, Topics.REPLAY_READINGS)).isZero();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> incidents = result.startOffsets().keySet().stream()
                    .filter(p -> p.topic().equals(Topics.REPLAY_INCIDENTS)).toList();
            consumer.assign(incidents);
            incidents.forEach(p -> consumer.seek(p, result.startOffsets().get(p)));
            List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < result.eventsPublished() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            assertThat(records).allSatisfy(r -> assertThat(new String(r.headers().lastHeader(Topics.REPLAY_HEADER)
                    .value(), StandardCharsets.UTF_8)).isEqualTo("nyc-test-1"));
            Instant first = records.stream().map(r -> stageTime(EventCodec.decodeIncident(r.value()).value()))
                    .min(Instant::compareTo).orElseThrow();
            Instant last = records.stream().map(r -> stageTime(EventCodec.decodeIncident(r.value()).value()))
                    .max(Instant::compareTo).orElseThrow();
            assertThat(result.firstEventTime()).isEqualTo(first);
            assertThat(result.lastEventTime()).isEqualTo(last);
        }
    }

    /** Records the result's offset range holds on every partition of {@code topic}. */
    private static long written(ReplayResult result, String topic) {
        return result.startOffsets().entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(e -> result.endOffsets().get(e.getKey()) - e.getValue()).sum();
    }

    @Test
    void unknownDatasetIsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new ReplayCommand(), new String[]{"--dataset", "atlantis", "--file",
                SampleData.path("nyc311_2022-05-01_0000-0206.csv").toString()}, new PrintWriter(out),
                new PrintWriter(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown dataset 'atlantis'");
    }

    private static Outcome replay(String dataset, String file, String... more) {
        String kafka = SharedStack.get().kafka(1, Topics.REPLAY_READINGS, Topics.REPLAY_INCIDENTS,
                Topics.DEAD_LETTERS);
        TopicMark readings = TopicMark.now(kafka, Topics.REPLAY_READINGS);
        TopicMark incidents = TopicMark.now(kafka, Topics.REPLAY_INCIDENTS);
        TopicMark deadLetters = TopicMark.now(kafka, Topics.DEAD_LETTERS);
        List<String> args = new java.util.ArrayList<>(List.of("--dataset", dataset, "--file",
                SampleData.path(file).toString(), "--max", "--kafka", kafka));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new ReplayCommand(), args.toArray(String[]::new), new PrintWriter(out),
                new PrintWriter(err));
        return new Outcome(dataset, exit, out + err.toString(), readings.records(), incidents.records(),
                deadLetters.records());
    }

    /** When the incident reached the stage its event reports. */
    private static Instant stageTime(Incident i) {
        return switch (i.status()) {
            case REPORTED -> i.reportedAt();
            case DISPATCHED -> i.dispatchedAt();
            case RESOLVED -> i.resolvedAt();
        };
    }

    private record Outcome(String dataset, int exit, String output, List<ConsumerRecord<byte[], byte[]>> readings,
                           List<ConsumerRecord<byte[], byte[]>> incidents,
                           List<ConsumerRecord<byte[], byte[]>> deadLetters) {

        void assertPublished(long rows, long readingCount, long incidentCount, Map<String, Long> rejections) {
            assertThat(exit).as(output).isZero();
            assertThat(readings).hasSize((int) readingCount);
            assertThat(incidents).hasSize((int) incidentCount);
            List<DeadLetter> letters = deadLetters.stream().map(r -> SignalCodec.fromJson(r.value(), DeadLetter.class)).toList();
            Map<String, Long> byReason = letters.stream().collect(Collectors.groupingBy(DeadLetter::reason,
                    TreeMap::new, Collectors.counting()));
            assertThat(byReason).isEqualTo(new TreeMap<>(rejections));
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.source()).isEqualTo(dataset);
                assertThat(letter.payload()).isNotBlank();
                assertThat(letter.detail()).startsWith("line " + letter.line() + ": ");
            });
            assertThat(output).containsPattern("rows read\\s+" + String.format(Locale.ROOT, "%,d", rows))
                    .containsPattern("events published\\s+" + String.format(Locale.ROOT, "%,d", readingCount + incidentCount));
            rejections.forEach((reason, count) ->
                    assertThat(output).containsPattern(reason + "\\s+" + String.format(Locale.ROOT, "%,d", count)));
            String id = output.replaceAll("(?s).*replay id +(\\S+).*", "$1");
            assertThat(id).startsWith(dataset + "-");
            java.util.stream.Stream.concat(readings.stream(), incidents.stream()).forEach(r -> assertThat(new String(
                    r.headers().lastHeader(Topics.REPLAY_HEADER).value(), StandardCharsets.UTF_8)).isEqualTo(id));
            assertInEventTimeOrder(readings, r -> EventCodec.decodeReading(r.value()).value().observedAt());
            assertInEventTimeOrder(incidents, r -> stageTime(EventCodec.decodeIncident(r.value()).value()));
            readings.forEach(r -> PublishedSchemas.assertValid("reading", r.value()));
            incidents.forEach(r -> PublishedSchemas.assertValid("incident", r.value()));
        }

        List<Reading> readingsDecoded() {
            return readings.stream().map(r -> EventCodec.decodeReading(r.value()).value()).toList();
        }

        private static void assertInEventTimeOrder(List<ConsumerRecord<byte[], byte[]>> records,
                                                   Function<ConsumerRecord<byte[], byte[]>, Instant> time) {
            Instant previous = Instant.MIN;
            for (ConsumerRecord<byte[], byte[]> record : records) {
                Instant current = time.apply(record);
                assertThat(current).as("offset %d", record.offset()).isAfterOrEqualTo(previous);
                previous = current;
            }
        }
    }
}
