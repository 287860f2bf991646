package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;

import java.time.Instant;

/** Where the simulator's events go: Kafka in the demo, a counter in the benchmark, a list in tests. */
public interface EventSink {
    void reading(Reading reading);

    /** A lifecycle step of an incident, happening at {@code at}. */
    void incident(Incident incident, Instant at);
}
