package org.cityvitals.ingest.source;

import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Problem;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.ingest.csv.CsvRow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects what an adapter makes of one row. Every event is checked against the data standard so that replay
 * publishes only what the schema accepts; a failure rejects the row and says which field. Readings, millions per
 * replay, are checked in memory ({@link EventCodec#problems}, the decoder's rules without the JSON round trip);
 * incidents, whose lifecycle rules only the decoder knows, are encoded and decoded strictly.
 */
public final class RowOutput {
    private static final Clock CLOCK = Clock.systemUTC();
    private final String source;
    private final CsvRow row;
    private final SensorLog sensors;
    private final List<OutboundEvent> events = new ArrayList<>(12);
    private final List<Rejection> valueRejections = new ArrayList<>(0);
    private int missingValues;

    RowOutput(String source, CsvRow row, SensorLog sensors) {
        this.source = source;
        this.row = row;
        this.sensors = sensors;
    }

    public void reading(Reading reading) throws RowRejectedException {
        requireValid(EventCodec.problems(reading, CLOCK), "reading " + reading.metric());
        byte[] json = EventCodec.toJsonBytes(reading);
        sensors.record(reading);
        events.add(new OutboundEvent(OutboundEvent.Kind.READING, reading.sensorId(), reading.observedAt(), json));
    }

    /** Publishes the incident at {@code eventTime}: a case's lifecycle steps each happen at their own time. */
    public void incident(Incident incident, Instant eventTime) throws RowRejectedException {
        byte[] json = EventCodec.toJsonBytes(incident);
        requireValid(EventCodec.decodeIncident(json).problems(), "incident " + incident.status().jsonName());
        events.add(new OutboundEvent(OutboundEvent.Kind.INCIDENT, incident.id(), eventTime, json));
    }

    /** A value the source marked as not measured (e.g. {@code NA}): nothing to publish, but counted. */
    public void missing() {
        missingValues++;
    }

    /** One value of the row is unusable while the rest of the row is fine. */
    public void rejectValue(RejectReason reason, String detail) {
        valueRejections.add(new Rejection(source, reason, detail, row.raw(), row.line()));
    }

    MappedRow toMappedRow(Instant progress) {
        return new MappedRow(row.line(), progress, List.copyOf(events), List.copyOf(valueRejections), missingValues);
    }

    private static void requireValid(List<Problem> problems, String what) throws RowRejectedException {
        if (!problems.isEmpty()) {
            throw new RowRejectedException(RejectReason.SCHEMA_VIOLATION, what + ": " + problems.stream()
                    .map(Problem::toString).collect(Collectors.joining("; ")));
        }
    }
}
