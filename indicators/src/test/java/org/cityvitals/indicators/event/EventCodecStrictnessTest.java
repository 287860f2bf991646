package org.cityvitals.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of bad input yields problems with the field path and reason, never an exception. */
class EventCodecStrictnessTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final String READING = "{\"sensorId\":\"s1\",\"metric\":\"pm25\",\"value\":42.5,"
            + "\"unit\":\"µg/m³\",\"observedAt\":\"2026-11-26T08:00:00Z\",\"district\":\"310101\",\"quality\":\"good\"}";
    private static final String INCIDENT = "{\"id\":\"c1\",\"source\":\"110\",\"category\":\"theft\","
            + "\"district\":\"310101\",\"priority\":2,\"status\":\"dispatched\",\"reportedAt\":\"2026-11-26T08:00:00Z\","
            + "\"dispatchedAt\":\"2026-11-26T08:02:00Z\"}";

    private static List<String> readingProblems(String json) {
        Decoded<Reading> decoded = EventCodec.decodeReading(json.getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(decoded.value() == null).isEqualTo(!decoded.ok());
        return decoded.problems().stream().map(Problem::toString).toList();
    }

    private static List<String> incidentProblems(String json) {
        Decoded<Incident> decoded = EventCodec.decodeIncident(json.getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(decoded.value() == null).isEqualTo(!decoded.ok());
        return decoded.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void templatesAreValid() {
        assertThat(readingProblems(READING)).isEmpty();
        assertThat(incidentProblems(INCIDENT)).isEmpty();
    }

    @Test
    void malformedJsonIsOneProblemAtTheRoot() {
        assertThat(readingProblems("{\"sensorId\":")).singleElement().asString().startsWith("$: malformed JSON");
        assertThat(readingProblems("[1,2]")).containsExactly("$: must be a JSON object");
        assertThat(readingProblems(READING + " {}")).singleElement().asString().startsWith("$: malformed JSON");
    }

    @Test
    void nanAndInfinityAreNotJson() {
        assertThat(readingProblems(READING.replace("42.5", "NaN"))).singleElement().asString()
                .startsWith("$: malformed JSON");
        assertThat(readingProblems(READING.replace("42.5", "1e400")))
                .containsExactly("value: number does not fit a 64-bit float");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String json = READING.replace("\"value\":42.5", "\"value\":\"high\"")
                .replace("2026-11-26T08:00:00Z", "26/11/2026")
                .replace("\"good\"", "\"great\"")
                .replace("\"district\":\"310101\",", "");
        assertThat(readingProblems(json)).containsExactly(
                "value: must be a number",
                "observedAt: not an ISO-8601 UTC instant",
                "district: required",
                "quality: unknown value 'great', expected one of good, suspect, bad");
    }

    @Test
    void timestampsMustCarryUtcAndBePlausible() {
        assertThat(readingProblems(READING.replace("08:00:00Z", "08:00:00+08:00")))
                .containsExactly("observedAt: not an ISO-8601 UTC instant");
        assertThat(readingProblems(READING.replace("2026-11-26T08:00:00Z", "1999-12-31T23:59:59Z")))
                .containsExactly("observedAt: before 2000-01-01T00:00:00Z");
        assertThat(readingProblems(READING.replace("2026-11-26T08:00:00Z", "2026-11-27T12:00:01Z")))
                .containsExactly("observedAt: more than 1 day in the future");
        assertThat(readingProblems(READING.replace("2026-11-26T08:00:00Z", "2026-11-27T12:00:00Z"))).isEmpty();
    }

    @Test
    void unknownAndDuplicateFieldsAreRejected() {
        assertThat(readingProblems(READING.replace("}", ",\"colour\":\"red\"}")))
                .containsExactly("colour: unknown field");
        assertThat(readingProblems(READING.replace("}", ",\"value\":1}"))).singleElement().asString()
                .startsWith("$: malformed JSON: Duplicate field 'value'");
    }

    @Test
    void locationNeedsBothCoordinatesInRange() {
        assertThat(readingProblems(READING.replace("}", ",\"lat\":31.2}")))
                .containsExactly("lon: required when lat is given");
        assertThat(readingProblems(READING.replace("}", ",\"lat\":95,\"lon\":121.4}")))
                .containsExactly("lat: must be between -90 and 90");
    }

    @Test
    void blankTextIsMissingText() {
        assertThat(readingProblems(READING.replace("\"s1\"", "\" \""))).containsExactly("sensorId: must not be blank");
    }

    @Test
    void priorityMustBeASmallInteger() {
        assertThat(incidentProblems(INCIDENT.replace("\"priority\":2", "\"priority\":2.5")))
                .containsExactly("priority: must be an integer");
        assertThat(incidentProblems(INCIDENT.replace("\"priority\":2", "\"priority\":99999999999")))
                .containsExactly("priority: must be an integer from 1 to 4");
    }

    @Test
    void incidentSourceUsesTheDialledNumber() {
        assertThat(incidentProblems(INCIDENT.replace("\"110\"", "\"POLICE_110\""))).containsExactly(
                "source: unknown value 'POLICE_110', expected one of 12345, 110, 119, 120, utility");
    }

    @Test
    void lifecycleTimestampsMatchStatusAndOrder() {
        assertThat(incidentProblems(INCIDENT.replace(",\"dispatchedAt\":\"2026-11-26T08:02:00Z\"", "")))
                .containsExactly("dispatchedAt: required when status is dispatched");
        assertThat(incidentProblems(INCIDENT.replace("08:02:00Z", "07:59:00Z")))
                .containsExactly("dispatchedAt: before reportedAt");
        assertThat(incidentProblems(INCIDENT.replace("\"dispatched\"", "\"resolved\"")
                .replace("}", ",\"resolvedAt\":\"2026-11-26T08:01:00Z\"}")))
                .containsExactly("resolvedAt: before dispatchedAt");
        assertThat(incidentProblems(INCIDENT.replace("\"dispatched\"", "\"reported\"")
                .replace("}", ",\"resolvedAt\":\"2026-11-26T09:00:00Z\"}")))
                .containsExactly("resolvedAt: must be absent while status is reported");
    }

    /** The in-memory check finds exactly what a decode of the encoded reading finds. */
    @Test
    void problemsOfAReadingInMemoryAreThoseOfItsEncoding() {
        Instant t = Instant.parse("2026-11-26T08:00:00Z");
        List<Reading> readings = List.of(
                new Reading("s1", "pm25", 42.5, "µg/m³", t, "310101", 31.2, 121.5, Quality.GOOD),
                new Reading(" ", "pm25", 1, "µg/m³", t, "310101", null, null, Quality.GOOD),
                new Reading("s1", "", 1, " ", t, "\t", null, null, Quality.SUSPECT),
                new Reading("s1", "pm25", 1, "µg/m³", Instant.parse("1999-12-31T23:59:59Z"), "310101", null, null,
                        Quality.GOOD),
                new Reading("s1", "pm25", 1, "µg/m³", Instant.parse("2026-11-27T12:00:01Z"), "310101", null, null,
                        Quality.GOOD),
                new Reading("s1", "pm25", 1, "µg/m³", t, "310101", 90.5, -181.0, Quality.BAD));
        for (Reading r : readings) {
            List<String> decoded = EventCodec.decodeReading(EventCodec.toJsonBytes(r), NOW).problems().stream()
                    .map(Problem::toString).sorted().toList();
            assertThat(EventCodec.problems(r, NOW).stream().map(Problem::toString).sorted().toList()).as(r.toString())
                    .isEqualTo(decoded);
        }
        assertThat(EventCodec.problems(readings.get(5), NOW)).hasSize(2);
    }
}
