package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps every simulated event, in emission order. */
final class RecordingSink implements EventSink {
    record Step(Incident incident, Instant at) {
    }

    final List<Reading> readings = new ArrayList<>();
    final List<Step> incidents = new ArrayList<>();
    final List<String> wire = new ArrayList<>();
    private final boolean keepWire;

    RecordingSink(boolean keepWire) {
        this.keepWire = keepWire;
    }

    @Override
    public void reading(Reading reading) {
        readings.add(reading);
        if (keepWire) wire.add(new String(EventCodec.toJsonBytes(reading), StandardCharsets.UTF_8));
    }

    @Override
    public void incident(Incident incident, Instant at) {
        incidents.add(new Step(incident, at));
        if (keepWire) wire.add(at + " " + new String(EventCodec.toJsonBytes(incident), StandardCharsets.UTF_8));
    }
}
