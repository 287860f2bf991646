package org.cityvitals.ingest.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.cityvitals.indicators.signal.RejectReason;

/** Micrometer counters of the items the gateway accepted and rejected, per source and reason. */
final class IngestMetrics {
    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(String source, long count) {
        Counter.builder("cityvitals.ingest.items.accepted")
                .description("Items published to Kafka")
                .tag("source", source)
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
}
