package org.cityvitals.ingest.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.cityvitals.ingest.kafka.EventProducer;
import org.cityvitals.ingest.kafka.EventTopics;
import org.cityvitals.ingest.source.OutboundEvent;
import org.cityvitals.ingest.source.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a request's events off the event loop (a Kafka send may block while the broker is unreachable) and
 * completes only when Kafka acknowledged every one; fails when any was refused or not acknowledged in time.
 */
final class KafkaPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);

    private final Vertx vertx;
    private final EventProducer producer;
    private final long timeoutMs;
    private final IngestMetrics metrics;

    KafkaPublisher(Vertx vertx, EventProducer producer, long timeoutMs, IngestMetrics metrics) {
        this.metrics = metrics;
        this.vertx = vertx;
        this.producer = producer;
        this.timeoutMs = timeoutMs;
    }

    Future<Void> publish(List<OutboundEvent> events) {
        return vertx.executeBlocking(() -> {
            List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
            for (OutboundEvent event : events) {
                CompletableFuture<?> send = producer.send(event, EventTopics.LIVE, List.of());
                sends.add(send);
                if (send.isCompletedExceptionally()) break; // the broker is unreachable: the rest would wait in vain
            }
            // delivery.timeout.ms bounds every send; the extra second only covers callback scheduling
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeoutMs + 1000, TimeUnit.MILLISECONDS);
            return null;
        }, false);
    }

    /** Fire and forget: the caller already has the errors; a failure here is logged with the line and counted. */
    void deadLetter(Rejection rejection) {
        vertx.executeBlocking(() -> producer.sendDeadLetter(rejection), false).onSuccess(send ->
                send.whenComplete((ok, error) -> {
                    if (error != null) {
                        metrics.deadLetterLost(rejection.source());
                        LOG.warn("dead letter for {} line {} not published: {}", rejection.source(),
                                rejection.line(), error.toString());
                    }
                }));
    }

    @Override
    public void close() {
        producer.close();
    }
}
