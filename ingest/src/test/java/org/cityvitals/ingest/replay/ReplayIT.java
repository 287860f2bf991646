package org.cityvitals.ingest.replay;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    void unknownDatasetIsAUsageError() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exit = Replay.run(new String[]{"--dataset", "atlantis", "--file",
                SampleData.path("nyc311_2022-05-01_0000-0206.csv").toString()}, new PrintStream(text, true));
        assertThat(exit).isEqualTo(2);
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("unknown dataset 'atlantis'").contains("usage:");
    }

    private static Outcome replay(String dataset, String file) {
        String kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.DEAD_LETTERS);
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        TopicMark incidents = TopicMark.now(kafka, Topics.INCIDENTS);
        TopicMark deadLetters = TopicMark.now(kafka, Topics.DEAD_LETTERS);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exit = Replay.run(new String[]{"--dataset", dataset, "--file", SampleData.path(file).toString(),
                "--max", "--kafka", kafka}, new PrintStream(text, true, StandardCharsets.UTF_8));
        return new Outcome(dataset, exit, text.toString(StandardCharsets.UTF_8), readings.records(),
                incidents.records(), deadLetters.records());
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
            assertInEventTimeOrder(readings, r -> EventCodec.decodeReading(r.value()).value().observedAt());
            assertInEventTimeOrder(incidents, r -> stageTime(EventCodec.decodeIncident(r.value()).value()));
            readings.forEach(r -> PublishedSchemas.assertValid("reading", r.value()));
            incidents.forEach(r -> PublishedSchemas.assertValid("incident", r.value()));
        }

        /** When the incident reached the stage its event reports. */
        private static Instant stageTime(Incident i) {
            return switch (i.status()) {
                case REPORTED -> i.reportedAt();
                case DISPATCHED -> i.dispatchedAt();
                case RESOLVED -> i.resolvedAt();
            };
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
