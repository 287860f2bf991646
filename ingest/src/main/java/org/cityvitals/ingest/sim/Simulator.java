package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.ingest.kafka.EventProducer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The running simulator of one city (Shanghai unless the config names another): a daemon thread drives a
 * {@link CityGenerator} round by round into Kafka, paced to the wall clock in real-time mode. Scenarios can be injected at any time from other threads.
 */
public final class Simulator implements ScenarioInjector, AutoCloseable {
    private final SimulatorConfig config;
    private final CityGenerator generator;
    private final EventProducer producer;
    private final KafkaSink sink;
    private final Thread thread;
    private volatile boolean running = true;

    /** How long a send waits for buffer space or a partition's leader before it is refused (and counted) by
     *  default: short, because scenario injection waits for the round in progress, which must not hang on a dead
     *  broker. */
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(5);

    private Simulator(SimulatorConfig config, String bootstrapServers, Duration maxBlock) {
        this.config = config;
        this.generator = new CityGenerator(config, config.city(), SensorRegistry.of(config.city()).all());
        this.producer = new EventProducer(bootstrapServers, Map.of("max.block.ms", maxBlock.toMillis()));
        this.sink = new KafkaSink(producer);
        this.thread = new Thread(this::run, "cityvitals-simulator");
        thread.setDaemon(true);
    }

    /** Starts publishing the simulated city to the Kafka at {@code bootstrapServers}. */
    public static Simulator start(SimulatorConfig config, String bootstrapServers) {
        return start(config, bootstrapServers, DEFAULT_MAX_BLOCK);
    }

    /**
     * The same, with sends that wait up to {@code maxBlock} for buffer space or a partition's leader before Kafka's
     * refusal is counted: a load generator that must carry on through a broker failover waits longer than the
     * failover takes (the unsent records are retried within the producer's delivery timeout, not lost).
     */
    public static Simulator start(SimulatorConfig config, String bootstrapServers, Duration maxBlock) {
        Simulator simulator = new Simulator(config, bootstrapServers, maxBlock);
        simulator.thread.start();
        return simulator;
    }

    @Override
    public Instant inject(Scenario scenario, Set<String> districts, Duration duration) {
        synchronized (generator) {
            return generator.inject(scenario, districts, duration);
        }
    }

    /** Events Kafka has acknowledged so far. */
    public long eventsPublished() {
        return sink.acknowledged();
    }

    /** Events Kafka refused so far (the simulator keeps going: a demo city does not stop for a broker restart). */
    public long eventsFailed() {
        return sink.failed();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }

    private void run() {
        long wallStart = System.nanoTime();
        Instant eventStart = config.start();
        while (running && !Thread.currentThread().isInterrupted()) {
            synchronized (generator) {
                generator.nextRound(sink);
            }
            if (config.realTime()) {
                long dueNanos = wallStart + Duration.between(eventStart, generator.now()).toNanos();
                long wait;
                while (running && (wait = dueNanos - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
    }
}
