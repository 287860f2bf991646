package org.cityvitals.launcher.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.WireNames;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drives alert episodes of one instant-rule indicator, one district at a time per district: while no episode of the
 * district is open, it sends one reading of the district's sensor beyond a level (the instant rule opens the
 * episode), then waits for the screen to see the episode open and resolve (the windowed rule resolves it once a
 * window of ordinary readings closes), then triggers again. Each opening matched to its trigger gives one latency:
 * from the trigger's append to Kafka (the broker's log-append timestamp, which the producer's acknowledgement
 * carries) to the opening frame's arrival at the screen. Thread-safe: screen frames arrive on the screen's event
 * loop, acknowledgements on the producer's thread.
 */
final class InstantTriggers implements LatencyRig.Episodes {

    /** A trigger sent and not yet seen opening its episode. */
    private static final class Trigger {
        final long eventTimeMillis;
        final long sentNanos = System.nanoTime();
        long appendedMillis = -1;
        long receivedMillis = -1;

        Trigger(long eventTimeMillis) {
            this.eventTimeMillis = eventTimeMillis;
        }
    }

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final KafkaProducer<byte[], byte[]> producer;
    private final List<Sensor> sensors;
    private final double triggerValue;
    private final Supplier<Instant> eventTime;
    private final Map<String, Trigger> pending = new ConcurrentHashMap<>();
    /** Districts with an episode open (ours or one the background readings opened). */
    private final Map<String, Boolean> open = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<Long> ackMinusAppend = new ArrayList<>();
    private int unmatchedOpenings;
    private int givenUp;

    /**
     * @param sensors one sensor per district, of the indicator's metric
     * @param triggerValue a reading beyond a level of the indicator and inside the metric's plausible range
     * @param eventTime the background readings' event-time clock, so triggers fall into the windows being filled
     */
    InstantTriggers(String kafka, List<Sensor> sensors, double triggerValue, Supplier<Instant> eventTime) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.sensors = sensors;
        this.triggerValue = triggerValue;
        this.eventTime = eventTime;
    }

    /**
     * Triggers episodes until {@code alerts} more openings have been matched; returns their latencies in ms. Fails
     * when that takes longer than {@code limit}: something is broken, and the figures would mean nothing.
     */
    @Override
    public List<Long> measure(int alerts, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (this) {
            latencies.clear();
            ackMinusAppend.clear();
            unmatchedOpenings = 0;
            givenUp = 0;
        }
        while (true) {
            synchronized (this) {
                if (latencies.size() >= alerts) {
                    return new ArrayList<>(latencies);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + latencies.size() + " of " + alerts + " alerts within "
                            + limit + "; " + unmatchedOpenings + " other openings, " + givenUp
                            + " triggers given up");
                }
            }
            for (Sensor sensor : sensors) {
                String district = sensor.district();
                Trigger waiting = pending.get(district);
                if (waiting != null && System.nanoTime() - waiting.sentNanos > GIVE_UP_NANOS) {
                    synchronized (this) {
                        givenUp++;
                    }
                    pending.remove(district);
                    open.remove(district); // in case the episode's opening was missed: try again
                } else if (waiting == null && !open.containsKey(district)) {
                    send(sensor);
                }
            }
            Thread.sleep(2);
        }
    }

    /** Openings without a trigger, triggers given up, and the median of (producer's acknowledgement − broker's
     *  append time): how much later a send completes than the append the latency starts from. */
    @Override
    public synchronized String counts() {
        List<Long> sorted = new ArrayList<>(ackMinusAppend);
        sorted.sort(null);
        return unmatchedOpenings + " other openings, " + givenUp + " triggers given up; a send completes a median "
                + (sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2)) + " ms after its append";
    }

    private void send(Sensor sensor) {
        long at = eventTime.get().toEpochMilli();
        Trigger trigger = new Trigger(at);
        pending.put(sensor.district(), trigger);
        Reading reading = new Reading(sensor.id(), sensor.metric(), triggerValue, sensor.unit(),
                Instant.ofEpochMilli(at), sensor.district(), sensor.lat(), sensor.lon(), Quality.GOOD);
        producer.send(new ProducerRecord<>(Topics.READINGS, sensor.id().getBytes(StandardCharsets.UTF_8),
                EventCodec.toJsonBytes(reading)), (metadata, error) -> {
            if (error != null) {
                throw new IllegalStateException("Kafka refused a trigger reading", error);
            }
            synchronized (this) {
                trigger.appendedMillis = metadata.timestamp();
                ackMinusAppend.add(System.currentTimeMillis() - metadata.timestamp());
                complete(trigger);
            }
        });
    }

    @Override
    public void onAlert(AlertScreen.AlertFrame frame) {
        String district = frame.district();
        if (WireNames.of(AlertKind.OPENED).equals(frame.kind())) {
            open.put(district, true);
            Trigger trigger = pending.get(district);
            synchronized (this) {
                if (trigger == null || trigger.eventTimeMillis != frame.eventTimeMillis()) {
                    unmatchedOpenings++;
                    return;
                }
                trigger.receivedMillis = frame.receivedMillis();
                complete(trigger);
            }
        } else if (WireNames.of(AlertKind.RESOLVED).equals(frame.kind())) {
            pending.remove(district);
            open.remove(district);
        }
    }

    /** Openings and resolutions were missed: start every district afresh (an open episode shows as "other"). */
    @Override
    public void onReconnect() {
        pending.clear();
        open.clear();
    }

    /** Records the trigger's latency once both its append time and its arrival at the screen are known. */
    private void complete(Trigger trigger) {
        if (trigger.appendedMillis >= 0 && trigger.receivedMillis >= 0) {
            latencies.add(trigger.receivedMillis - trigger.appendedMillis);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
