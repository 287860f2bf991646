package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.ingest.kafka.EventProducer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The Shanghai simulator paced to a wall-clock rate of events while its event time runs {@code speed} times faster
 * than the wall clock, for benchmarks that need many window closings (and so many alert episodes) in minutes. It
 * drives the simulator's own generator, which is package-private, hence this class's package; the demo's
 * {@link Simulator} has no time scale because a live city has none.
 */
public final class AcceleratedShanghai implements AutoCloseable {

    private final CityGenerator generator;
    private final EventProducer producer;
    private final KafkaSink sink;
    private final Thread thread;
    private final Instant eventStart;
    private final double speed;
    private volatile long wallStart;
    private volatile long wallStartMillis;
    private volatile boolean running = true;

    private AcceleratedShanghai(String bootstrapServers, double eventsPerWallSecond, double speed, Instant start) {
        this.speed = speed;
        this.eventStart = start;
        // every sensor reports once a round: at speed S, S times fewer events per second of event time
        this.generator = new CityGenerator(SimulatorConfig.simulated(20261201, eventsPerWallSecond / speed, start),
                CityProfiles.shanghai(), SensorRegistry.shanghai().all());
        this.producer = new EventProducer(bootstrapServers, Map.of());
        this.sink = new KafkaSink(producer);
        this.thread = new Thread(this::run, "accelerated-shanghai");
        thread.setDaemon(true);
    }

    /** Publishes at {@code eventsPerWallSecond}, event time from {@code start} at {@code speed}× the wall clock. */
    public static AcceleratedShanghai start(String bootstrapServers, double eventsPerWallSecond, double speed,
                                            Instant start) {
        AcceleratedShanghai city = new AcceleratedShanghai(bootstrapServers, eventsPerWallSecond, speed, start);
        city.wallStart = System.nanoTime();
        city.wallStartMillis = System.currentTimeMillis();
        city.thread.start();
        return city;
    }

    /** The simulated city's event time now, on the same scale as its readings. */
    public Instant eventTimeNow() {
        return eventStart.plusNanos((long) ((System.nanoTime() - wallStart) * speed));
    }

    /** The wall-clock time (epoch ms) at which the city publishes its readings of event time {@code eventTime}. */
    public long wallMillisAt(Instant eventTime) {
        return wallStartMillis + (long) (Duration.between(eventStart, eventTime).toMillis() / speed);
    }

    /** Events Kafka has acknowledged so far. */
    public long eventsPublished() {
        return sink.acknowledged();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
        producer.close();
    }

    private void run() {
        while (running) {
            generator.nextRound(sink);
            long dueNanos = wallStart + (long) (Duration.between(eventStart, generator.now()).toNanos() / speed);
            long wait;
            while (running && (wait = dueNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
