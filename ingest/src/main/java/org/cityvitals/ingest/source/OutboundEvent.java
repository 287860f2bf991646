package org.cityvitals.ingest.source;

import java.time.Instant;

/**
 * A canonical event serialised for Kafka: what it is (which decides its topic, live or replay), partitioning key,
 * event time (for ordering) and JSON payload.
 */
public record OutboundEvent(Kind kind, String key, Instant eventTime, byte[] payload) {
    /** A {@code Reading} (keyed by sensor id) or an {@code Incident} lifecycle step (keyed by incident id). */
    public enum Kind {
        READING,
        INCIDENT
    }
}
