package org.cityvitals.dashboard.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * The live view's meters: connected clients, messages pushed, coalesced in a slow client's queue and dropped, values
 * coalesced before the fan-out, heartbeat ticks skipped and heartbeats replaced while queued, connections by kind
 * (fresh, resumed, resync), and the alert delivery latency from the alert's event time and from its arrival in
 * Kafka to the moment it is handed to the sockets.
 */
public final class PushMeters {

    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter coalesced;
    private final Counter valuesCoalesced;
    private final Counter dropped;
    private final Counter heartbeatsSkipped;
    private final Counter heartbeatsReplaced;
    private final Timer fromEventTime;
    private final Timer fromKafka;

    public PushMeters(MeterRegistry registry) {
        this.registry = registry;
        this.sent = registry.counter("cityvitals.dashboard.ws.messages.pushed");
        this.coalesced = registry.counter("cityvitals.dashboard.ws.messages.coalesced");
        this.valuesCoalesced = registry.counter("cityvitals.dashboard.ws.values.coalesced");
        this.dropped = registry.counter("cityvitals.dashboard.ws.clients.dropped");
        this.heartbeatsSkipped = registry.counter("cityvitals.dashboard.ws.heartbeats.skipped");
        this.heartbeatsReplaced = registry.counter("cityvitals.dashboard.ws.heartbeats.replaced");
        this.fromEventTime = latency("event");
        this.fromKafka = latency("kafka");
    }

    private Timer latency(String from) {
        return Timer.builder("cityvitals.dashboard.alert.delivery").tag("from", from)
                .description("time from the alert's event time or Kafka arrival to the socket write")
                .publishPercentileHistogram().register(registry);
    }

    void watchSessions(IntSupplier sessions) {
        Gauge.builder("cityvitals.dashboard.ws.clients", sessions::getAsInt).register(registry);
    }

    void sent() {
        sent.increment();
    }

    void coalesced() {
        coalesced.increment();
    }

    /**
     * A value or health score replaced by a newer one for the same key before the hub's fan-out: written to no
     * screen, where {@code messages.coalesced} counts one client's queue.
     */
    void valueCoalesced() {
        valuesCoalesced.increment();
    }

    void dropped() {
        dropped.increment();
    }

    /** A heartbeat tick not run because it came too soon after the last one: the event loop was behind. */
    void heartbeatSkipped() {
        heartbeatsSkipped.increment();
    }

    /** A client's heartbeat replaced by a newer one before it was written: the client's socket was full. */
    void heartbeatReplaced() {
        heartbeatsReplaced.increment();
    }

    void connected(String kind) {
        registry.counter("cityvitals.dashboard.ws.connections", "kind", kind).increment();
    }

    void alertDelivered(Instant eventTime, long kafkaMillis) {
        Instant now = Instant.now();
        fromEventTime.record(Duration.between(eventTime, now));
        fromKafka.record(Duration.ofMillis(Math.max(0, now.toEpochMilli() - kafkaMillis)));
    }
}
