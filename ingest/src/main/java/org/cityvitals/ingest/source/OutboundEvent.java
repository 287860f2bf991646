package org.cityvitals.ingest.source;

import java.time.Instant;

/** A canonical event serialised for Kafka: topic, partitioning key, event time (for ordering) and JSON payload. */
public record OutboundEvent(String topic, String key, Instant eventTime, byte[] payload) {
}
