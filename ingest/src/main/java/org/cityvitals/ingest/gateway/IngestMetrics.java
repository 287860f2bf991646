package org.cityvitals.ingest.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.cityvitals.indicators.signal.RejectReason;

/**
 * Micrometer counters of the items the gateway accepted (per source and API key) and rejected (per source and
 * reason), beside the HTTP server and JVM meters of vertx-micrometer-metrics when the Vert.x instance has them.
 */
final class IngestMetrics {
    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param key the id of the API key that sent the items */
    void accepted(String source, String key, long count) {
        count("cityvitals.ingest.items.accepted", "Items published to Kafka", count, "source", source, "key", key);
    }

    /** A dead letter Kafka did not take: the rejection was still answered to the caller, but is not kept. */
    void deadLetterLost(String source) {
        count("cityvitals.ingest.deadletters.lost", "Dead letters Kafka refused", 1, "source", source);
    }

    void rejected(String source, RejectReason reason, long count) {
        count("cityvitals.ingest.items.rejected", "Items refused, by reason", count,
                "source", source, "reason", reason.code());
    }

    /** A connection closed at once because a cap was reached ({@code total} or {@code per_address}). */
    void connectionRefused(String cap) {
        count("cityvitals.ingest.connections.refused", "Connections closed at once: a connection cap was reached", 1,
                "cap", cap);
    }

    /** A request refused with 429 because its key already had as many requests in the workers as allowed. */
    void throttled(String key) {
        count("cityvitals.ingest.requests.throttled",
                "Requests refused with 429: the key had its share of the workers", 1, "key", key);
    }

    /** Adds {@code count} to the counter {@code name} with {@code tags} (name, value, name, value, …). */
    private void count(String name, String description, long count, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment(count);
    }
}
