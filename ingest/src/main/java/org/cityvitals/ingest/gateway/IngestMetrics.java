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
        Counter.builder("cityvitals.ingest.items.accepted")
                .description("Items published to Kafka")
                .tag("source", source)
                .tag("key", key)
                .register(registry).increment(count);
    }

    /** A dead letter Kafka did not take: the rejection was still answered to the caller, but is not kept. */
    void deadLetterLost(String source) {
        Counter.builder("cityvitals.ingest.deadletters.lost")
                .description("Dead letters Kafka refused")
                .tag("source", source)
                .register(registry).increment();
    }

    void rejected(String source, RejectReason reason, long count) {
        Counter.builder("cityvitals.ingest.items.rejected")
                .description("Items refused, by reason")
                .tag("source", source)
                .tag("reason", reason.code())
                .register(registry).increment(count);
    }

    /** A connection closed at once because a cap was reached ({@code total} or {@code per_address}). */
    void connectionRefused(String cap) {
        Counter.builder("cityvitals.ingest.connections.refused")
                .description("Connections closed at once: a connection cap was reached")
                .tag("cap", cap)
                .register(registry).increment();
    }

    /** A request refused with 429 because its key already had as many requests in the workers as allowed. */
    void throttled(String key) {
        Counter.builder("cityvitals.ingest.requests.throttled")
                .description("Requests refused with 429: the key had its share of the workers")
                .tag("key", key)
                .register(registry).increment();
    }
}
