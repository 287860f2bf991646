package org.cityvitals.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schemas in resources/schemas accept everything EventCodec writes and reject what it refuses to read. */
class PublishedSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema READING = schema("schemas/reading.schema.json");
    private static final Schema INCIDENT = schema("schemas/incident.schema.json");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private static Schema schema(String resource) {
        try (InputStream in = PublishedSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Reading> readings() {
        List<Reading> readings = new ArrayList<>();
        for (Quality quality : Quality.values()) {
            readings.add(new Reading("sh-310101-pm25-01", "pm25", 42.5, "µg/m³", T0, "310101", 31.23, 121.47,
                    quality));
        }
        readings.add(new Reading("bj-aotizhongxin-co", "co", 0.3, "mg/m³", T0.plusNanos(123_000_000), "110105",
                null, null, Quality.GOOD));
        readings.add(new Reading("i94-atr301-temp", "temperature", -12.5, "°C", Instant.parse("2013-01-01T06:00:00Z"),
                "us-mn-atr301", null, null, Quality.SUSPECT));
        return readings.stream();
    }

    static Stream<Incident> incidents() {
        List<Incident> incidents = new ArrayList<>();
        for (IncidentSource source : IncidentSource.values()) {
            incidents.add(new Incident("id-" + source.jsonName(), source, "water_supply", null, "310115", 1,
                    IncidentStatus.REPORTED, T0, null, null, null, null));
        }
        incidents.add(new Incident("110-2", IncidentSource.POLICE_110, "theft", "bicycle", "310104", 3,
                IncidentStatus.DISPATCHED, T0, T0.plusSeconds(90), null, 31.19, 121.43));
        incidents.add(new Incident("12345-3", IncidentSource.HOTLINE_12345, "noise", null, "310106", 4,
                IncidentStatus.RESOLVED, T0, null, T0.plusSeconds(3600), null, null));
        incidents.add(new Incident("120-4", IncidentSource.AMBULANCE_120, "cardiac", null, "310151", 1,
                IncidentStatus.RESOLVED, T0, T0.plusSeconds(60), T0.plusSeconds(2400), 31.62, 121.4));
        return incidents.stream();
    }

    @ParameterizedTest
    @MethodSource("readings")
    void readingSchemaAcceptsWhatTheCodecWrites(Reading reading) {
        assertThat(READING.validate(tree(EventCodec.toJson(reading)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("incidents")
    void incidentSchemaAcceptsWhatTheCodecWrites(Incident incident) {
        assertThat(INCIDENT.validate(tree(EventCodec.toJson(incident)))).isEmpty();
    }

    private static final String GOOD_READING = "{\"sensorId\":\"s1\",\"metric\":\"pm25\",\"value\":42.5,"
            + "\"unit\":\"µg/m³\",\"observedAt\":\"2026-11-26T08:00:00Z\",\"district\":\"310101\",\"quality\":\"good\"}";

    static Stream<String> malformedReadings() {
        return Stream.of(
                GOOD_READING.replace("\"value\":42.5", "\"value\":\"42.5\""),
                GOOD_READING.replace("\"sensorId\":\"s1\",", ""),
                GOOD_READING.replace("2026-11-26T08:00:00Z", "2026-11-26 08:00:00"),
                GOOD_READING.replace("2026-11-26T08:00:00Z", "2026-11-26T08:00:00+08:00"),
                GOOD_READING.replace("2026-11-26T08:00:00Z", "1999-12-31T23:59:59Z"),
                GOOD_READING.replace("\"good\"", "\"GOOD\""),
                GOOD_READING.replace("\"district\":\"310101\"", "\"district\":\" \""),
                GOOD_READING.replace("}", ",\"lat\":31.2}"),
                GOOD_READING.replace("}", ",\"lat\":91,\"lon\":121}"),
                GOOD_READING.replace("}", ",\"colour\":\"red\"}"));
    }

    @ParameterizedTest
    @MethodSource("malformedReadings")
    void malformedReadingsAreRejectedBySchemaAndCodecAlike(String json) {
        assertThat(READING.validate(tree(json))).as("schema errors").isNotEmpty();
        assertThat(EventCodec.decodeReading(json.getBytes(StandardCharsets.UTF_8), NOW).problems())
                .as("codec problems").isNotEmpty();
    }

    private static final String GOOD_INCIDENT = "{\"id\":\"c1\",\"source\":\"12345\",\"category\":\"noise\","
            + "\"district\":\"310101\",\"priority\":2,\"status\":\"reported\",\"reportedAt\":\"2026-11-26T08:00:00Z\"}";

    static Stream<String> malformedIncidents() {
        return Stream.of(
                GOOD_INCIDENT.replace("\"12345\"", "\"911\""),
                GOOD_INCIDENT.replace("\"priority\":2", "\"priority\":0"),
                GOOD_INCIDENT.replace("\"priority\":2", "\"priority\":2.5"),
                GOOD_INCIDENT.replace("\"reported\"", "\"dispatched\""),
                GOOD_INCIDENT.replace("\"reported\"", "\"resolved\""),
                GOOD_INCIDENT.replace("}", ",\"resolvedAt\":\"2026-11-26T09:00:00Z\"}"),
                GOOD_INCIDENT.replace("\"category\":\"noise\",", ""),
                GOOD_INCIDENT.replace("}", ",\"dispatchedAt\":\"yesterday\"}"));
    }

    @ParameterizedTest
    @MethodSource("malformedIncidents")
    void malformedIncidentsAreRejectedBySchemaAndCodecAlike(String json) {
        assertThat(INCIDENT.validate(tree(json))).as("schema errors").isNotEmpty();
        assertThat(EventCodec.decodeIncident(json.getBytes(StandardCharsets.UTF_8), NOW).problems())
                .as("codec problems").isNotEmpty();
    }

    @Test
    void wellFormedTemplatesPassBoth() {
        assertThat(READING.validate(tree(GOOD_READING))).isEmpty();
        assertThat(INCIDENT.validate(tree(GOOD_INCIDENT))).isEmpty();
        assertThat(EventCodec.decodeReading(GOOD_READING.getBytes(StandardCharsets.UTF_8), NOW).ok()).isTrue();
        assertThat(EventCodec.decodeIncident(GOOD_INCIDENT.getBytes(StandardCharsets.UTF_8), NOW).ok()).isTrue();
    }
}
