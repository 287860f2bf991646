package org.cityvitals.ingest.gateway;

import org.apache.kafka.common.header.Header;
import org.cityvitals.ingest.kafka.EventProducer;
import org.cityvitals.ingest.kafka.EventTopics;
import org.cityvitals.ingest.source.OutboundEvent;
import org.cityvitals.ingest.source.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands a request's events to Kafka and tells when Kafka acknowledged every one, without a thread waiting for it.
 * The sends themselves happen on a gateway worker: a send blocks while the broker is unreachable (up to
 * {@code max.block.ms}).
 */
final class KafkaPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);

    private final EventProducer producer;
    private final IngestMetrics metrics;

    KafkaPublisher(EventProducer producer, IngestMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    /** Completes when Kafka acknowledged every event; fails with the first refusal. Call from a worker. */
    CompletableFuture<Void> publish(List<OutboundEvent> events, List<Header> headers) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        if (events.isEmpty()) {
            acknowledged.complete(null);
            return acknowledged;
        }
        AtomicInteger waiting = new AtomicInteger(events.size());
        for (OutboundEvent event : events) {
            producer.send(event, EventTopics.LIVE, headers, (ok, error) -> {
                if (error != null) {
                    acknowledged.completeExceptionally(error);
                } else if (waiting.decrementAndGet() == 0) {
                    acknowledged.complete(null);
                }
            });
            if (acknowledged.isCompletedExceptionally()) break; // the broker is unreachable: the rest would wait in vain
        }
        return acknowledged;
    }

    /** Fire and forget: the caller already has the errors; a failure here is logged with the line and counted. */
    void deadLetter(Rejection rejection, List<Header> headers) {
        producer.sendDeadLetter(rejection, headers).whenComplete((ok, error) -> {
            if (error != null) {
                metrics.deadLetterLost(rejection.source());
                LOG.warn("dead letter for {} line {} not published: {}", rejection.source(), rejection.line(),
                        error.toString());
            }
        });
    }

    @Override
    public void close() {
        producer.close();
    }
}
