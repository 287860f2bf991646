package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.ingest.kafka.EventProducer;
import org.cityvitals.stack.KafkaBroker;
import org.cityvitals.indicators.Topics;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark (a main, not a test): how many events per second the simulator produces, (1) generated and encoded to
 * JSON bytes, the work the simulator itself does per event, and (2) published to an in-process Kafka broker with
 * acks=all and idempotence. Five runs of ten seconds each after a warm-up; prints each run and the median.
 */
public final class SimulatorBench {
    private static final int RUNS = 5;
    private static final Duration RUN = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        boolean withKafka = args.length == 0 || !args[0].equals("--no-kafka");
        report("generate + encode JSON", CountingSink::new, () -> { });
        if (withKafka) {
            try (KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory("bench-kafka"))) {
                broker.createTopics(4, Topics.READINGS, Topics.INCIDENTS);
                try (EventProducer producer = new EventProducer(broker.bootstrapServers(), Map.of())) {
                    report("generate + publish to Kafka (acks=all, idempotent)", () -> new KafkaSink(producer),
                            producer::flush);
                }
            }
        }
    }

    private interface SinkFactory {
        EventSink create();
    }

    /** @param flush waits until the sink has delivered everything: a run ends when its events are acknowledged */
    private static void report(String what, SinkFactory sinks, Runnable flush) {
        measure(sinks.create(), Duration.ofSeconds(5), flush); // warm-up: JIT, producer metadata
        double[] rates = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            rates[i] = measure(sinks.create(), RUN, flush);
            System.out.printf(Locale.ROOT, "%s: run %d %,.0f events/s%n", what, i + 1, rates[i]);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%s: median %,.0f events/s (min %,.0f, max %,.0f)%n", what, rates[RUNS / 2],
                rates[0], rates[RUNS - 1]);
    }

    /** Runs an unpaced generator (simulated time, a pollution episode in one district) and returns events/s. */
    private static double measure(EventSink sink, Duration duration, Runnable flush) {
        CityGenerator generator = new CityGenerator(SimulatorConfig.simulated(42, 1_000_000,
                Instant.parse("2024-05-06T00:00:00Z")), CityProfiles.shanghai(), SensorRegistry.shanghai().all());
        generator.inject(Scenario.POLLUTION_EPISODE, Set.of("310101"), Duration.ofDays(1));
        Counting counted = new Counting(sink);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) generator.nextRound(counted);
        }
        flush.run();
        return counted.events / ((System.nanoTime() - start) / 1e9);
    }

    /** Counts events on their way to the sink. */
    private static final class Counting implements EventSink {
        private final EventSink next;
        private long events;

        Counting(EventSink next) {
            this.next = next;
        }

        @Override
        public void reading(Reading reading) {
            events++;
            next.reading(reading);
        }

        @Override
        public void incident(Incident incident, Instant at) {
            events++;
            next.incident(incident, at);
        }
    }

    /** Encodes every event as the Kafka sink would, and keeps the byte count so the work cannot be optimised away. */
    private static final class CountingSink implements EventSink {
        private long bytes;

        @Override
        public void reading(Reading reading) {
            bytes += EventCodec.toJsonBytes(reading).length;
        }

        @Override
        public void incident(Incident incident, Instant at) {
            bytes += EventCodec.toJsonBytes(incident).length;
        }
    }
}
