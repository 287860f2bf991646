package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.ingest.kafka.EventProducer;
import org.cityvitals.ingest.kafka.EventTopics;
import org.cityvitals.ingest.source.OutboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes simulated events to the canonical topics and counts what Kafka acknowledged or refused. */
final class KafkaSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);

    private final EventProducer producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    KafkaSink(EventProducer producer) {
        this.producer = producer;
    }

    @Override
    public void reading(Reading reading) {
        send(new OutboundEvent(OutboundEvent.Kind.READING, reading.sensorId(), reading.observedAt(),
                EventCodec.toJsonBytes(reading)));
    }

    @Override
    public void incident(Incident incident, Instant at) {
        send(new OutboundEvent(OutboundEvent.Kind.INCIDENT, incident.id(), at, EventCodec.toJsonBytes(incident)));
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    private void send(OutboundEvent event) {
        producer.send(event, EventTopics.LIVE, List.of(), (ok, error) -> {
            if (error == null) {
                acknowledged.incrementAndGet();
            } else if (failed.getAndIncrement() == 0) { // one log line, not one per event, while Kafka is away
                LOG.warn("simulator: Kafka refused events (counted, first error shown): {}", error.toString());
            }
        });
    }
}
