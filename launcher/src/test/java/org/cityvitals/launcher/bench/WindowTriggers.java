package org.cityvitals.launcher.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.ingest.sim.AcceleratedShanghai;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Drives episodes of a windowed level rule, one at a time per district: while no episode of the district is open,
 * it sends a burst of readings of the district's sensor far beyond the red level into the tumbling window being
 * filled, so that window's value crosses a level; the episode opens when the window closes, and the next window of
 * ordinary readings resolves it. A window can close only once the watermark passes its end, that is once the city
 * publishes readings of event time window end + the out-of-orderness bound: the latency of one opening runs from
 * that moment (the city's clock maps event time to the wall clock) to the opening frame's arrival at the screen.
 * It covers the watermark's progress through the job, the window's firing, the alert engine, Kafka and the
 * dashboard — what a windowed alarm costs beyond the window itself and the out-of-orderness the platform waits for.
 */
final class WindowTriggers implements LatencyRig.Episodes {

    /** A burst sent into one window, not yet seen opening its episode. */
    private static final class Burst {
        final long windowEndMillis;
        final long dueMillis;
        final long sentNanos = System.nanoTime();

        Burst(long windowEndMillis, long dueMillis) {
            this.windowEndMillis = windowEndMillis;
            this.dueMillis = dueMillis;
        }
    }

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Readings of a burst, 10 ms of event time apart, ending at the city's clock (never ahead of it). */
    private static final int BURST = 40;
    private static final long BURST_SPACING_MILLIS = 10;
    /** A burst starts only this far into a window, so all of it lands in the one window. */
    private static final long MARGIN_MILLIS = 1000;

    private final KafkaProducer<byte[], byte[]> producer;
    private final Map<String, Sensor> sensors;
    private final double burstValue;
    private final long windowMillis;
    private final Duration outOfOrderness;
    private final AcceleratedShanghai city;
    private final Map<String, Burst> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> open = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    /** The part of each latency until the alert was appended to Kafka: watermark, window, alert engine, sink. */
    private final List<Long> toKafka = new ArrayList<>();
    private int unmatchedOpenings;
    private int givenUp;

    /**
     * @param sensors one sensor per district, of the indicator's metric
     * @param burstValue a reading beyond the indicator's red level and inside the metric's plausible range
     * @param window the indicator's tumbling window
     */
    WindowTriggers(String kafka, List<Sensor> sensors, double burstValue, Duration window, Duration outOfOrderness,
                   AcceleratedShanghai city) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.sensors = sensors.stream().collect(Collectors.toMap(Sensor::district, Function.identity()));
        this.burstValue = burstValue;
        this.windowMillis = window.toMillis();
        this.outOfOrderness = outOfOrderness;
        this.city = city;
    }

    @Override
    public List<Long> measure(int alerts, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (this) {
            latencies.clear();
            toKafka.clear();
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
                            + limit + "; " + counts());
                }
            }
            for (Sensor sensor : sensors.values()) {
                String district = sensor.district();
                Burst waiting = pending.get(district);
                if (waiting != null && System.nanoTime() - waiting.sentNanos > GIVE_UP_NANOS) {
                    synchronized (this) {
                        givenUp++;
                    }
                    pending.remove(district);
                    open.remove(district); // in case the episode's opening was missed: try again
                } else if (waiting == null && !open.containsKey(district)) {
                    sendBurst(sensor);
                }
            }
            Thread.sleep(2);
        }
    }

    @Override
    public synchronized String counts() {
        String split = "";
        if (!toKafka.isEmpty()) {
            long[] p = LatencyRig.percentiles(toKafka);
            split = String.format("; of it, closable → alert appended to Kafka: p50 %d ms, p95 %d ms, p99 %d ms, "
                    + "max %d ms", p[0], p[1], p[2], p[3]);
        }
        return unmatchedOpenings + " other openings in the driven districts, " + givenUp + " bursts given up" + split;
    }

    private void sendBurst(Sensor sensor) {
        long now = city.eventTimeNow().toEpochMilli();
        long windowStart = now - Math.floorMod(now, windowMillis);
        if (now - windowStart < MARGIN_MILLIS) {
            return; // too close to the window's start: the burst would reach back into the previous window
        }
        long windowEnd = windowStart + windowMillis;
        pending.put(sensor.district(), new Burst(windowEnd,
                city.wallMillisAt(Instant.ofEpochMilli(windowEnd).plus(outOfOrderness))));
        for (int i = 0; i < BURST; i++) {
            Reading reading = new Reading(sensor.id(), sensor.metric(), burstValue, sensor.unit(),
                    Instant.ofEpochMilli(now - i * BURST_SPACING_MILLIS), sensor.district(), sensor.lat(),
                    sensor.lon(), Quality.GOOD);
            producer.send(new ProducerRecord<>(Topics.READINGS, sensor.id().getBytes(StandardCharsets.UTF_8),
                    EventCodec.toJsonBytes(reading)), (metadata, error) -> {
                if (error != null) {
                    throw new IllegalStateException("Kafka refused a burst reading", error);
                }
            });
        }
    }

    @Override
    public void onAlert(AlertScreen.AlertFrame frame) {
        String district = frame.district();
        if (!sensors.containsKey(district)) {
            return; // the city-wide series, which every district's burst moves a little
        }
        if (WireNames.of(AlertKind.OPENED).equals(frame.kind())) {
            open.put(district, true);
            Burst burst = pending.get(district);
            synchronized (this) {
                if (burst == null || burst.windowEndMillis != frame.eventTimeMillis()) {
                    unmatchedOpenings++;
                    return;
                }
                latencies.add(frame.receivedMillis() - burst.dueMillis);
                toKafka.add(frame.kafkaMillis() - burst.dueMillis);
            }
        } else if (WireNames.of(AlertKind.RESOLVED).equals(frame.kind())) {
            pending.remove(district);
            open.remove(district);
        }
    }

    /** Openings and resolutions were missed: start every district afresh. */
    @Override
    public void onReconnect() {
        pending.clear();
        open.clear();
    }

    @Override
    public void close() {
        producer.close();
    }
}
