package org.cityvitals.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCodecRoundTripTest {

    static final Reading READING = new Reading("sh-310101-pm25-01", "pm25", 42.5, "µg/m³",
            Instant.parse("2026-11-26T08:00:00Z"), "310101", 31.2304, 121.4737, Quality.GOOD);
    static final Incident INCIDENT = new Incident("12345-0001", IncidentSource.HOTLINE_12345, "water_supply",
            "low_pressure", "310115", 2, IncidentStatus.RESOLVED, Instant.parse("2026-11-26T08:00:00Z"),
            Instant.parse("2026-11-26T08:05:00Z"), Instant.parse("2026-11-26T09:00:00Z"), 31.22, 121.54);

    @Test
    void readingSurvivesEncodeAndDecode() {
        Decoded<Reading> decoded = EventCodec.decodeReading(EventCodec.toJsonBytes(READING));
        assertThat(decoded.problems()).isEmpty();
        assertThat(decoded.value()).isEqualTo(READING);
    }

    @Test
    void incidentSurvivesEncodeAndDecode() {
        Decoded<Incident> decoded = EventCodec.decodeIncident(EventCodec.toJsonBytes(INCIDENT));
        assertThat(decoded.problems()).isEmpty();
        assertThat(decoded.value()).isEqualTo(INCIDENT);
    }

    @Test
    void readingJsonUsesComponentNamesAndIsoInstants() {
        assertThat(EventCodec.toJson(READING)).isEqualTo("{\"sensorId\":\"sh-310101-pm25-01\",\"metric\":\"pm25\","
                + "\"value\":42.5,\"unit\":\"µg/m³\",\"observedAt\":\"2026-11-26T08:00:00Z\",\"district\":\"310101\","
                + "\"lat\":31.2304,\"lon\":121.4737,\"quality\":\"good\"}");
    }

    @Test
    void incidentJsonUsesDialledNumberForSourceAndOmitsAbsentFields() {
        Incident reported = new Incident("110-7", IncidentSource.POLICE_110, "traffic_accident", null, "310104", 1,
                IncidentStatus.REPORTED, Instant.parse("2026-11-26T08:00:00Z"), null, null, null, null);
        assertThat(EventCodec.toJson(reported)).isEqualTo("{\"id\":\"110-7\",\"source\":\"110\","
                + "\"category\":\"traffic_accident\",\"district\":\"310104\",\"priority\":1,\"status\":\"reported\","
                + "\"reportedAt\":\"2026-11-26T08:00:00Z\"}");
    }
}
