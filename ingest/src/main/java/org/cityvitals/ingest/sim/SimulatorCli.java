package org.cityvitals.ingest.sim;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code simulate [--kafka HOST:PORT] [--rate N] [--seed S] [--minutes M]
 * [--scenario NAME --districts CODE,CODE --scenario-minutes D]}: runs the Shanghai simulator in real time, optionally
 * with one scenario from the start, printing a status line every 5 seconds until {@code --minutes} have passed or
 * the process is stopped.
 */
public final class SimulatorCli {
    static final String USAGE = """
            usage: simulate [--kafka HOST:PORT] [--rate EVENTS_PER_S] [--seed N] [--minutes M]
                            [--scenario NAME --districts 310101,310104 --scenario-minutes D]
              --kafka             bootstrap servers (default 127.0.0.1:9092)
              --rate              sensor readings per second (default 300); incidents come on top
              --seed              random seed (default 42): the same seed gives the same city
              --minutes           stop after M minutes (default: run until stopped)
              --scenario          one of rainstorm_flooding, pollution_episode, rush_hour_gridlock,
                                  water_main_burst, power_outage, hotline_surge
            """;

    private SimulatorCli() {
    }

    public static int run(String[] args, PrintStream out) {
        CliFlags flags;
        SimulatorConfig config;
        try {
            flags = new CliFlags(args);
            config = SimulatorConfig.realTime(flags.integer("--seed", 42), flags.positive("--rate", 300));
        } catch (IllegalArgumentException e) {
            out.println("simulate: " + e.getMessage());
            out.print(USAGE);
            return 2;
        }
        String kafka = flags.text("--kafka", "127.0.0.1:9092");
        try (Simulator simulator = Simulator.start(config, kafka)) {
            if (flags.has("--scenario")) {
                Instant until = simulator.inject(flags.scenario("--scenario"), flags.list("--districts"),
                        Duration.ofSeconds(Math.round(flags.positive("--scenario-minutes", 30) * 60)));
                out.println("scenario " + flags.text("--scenario", "") + " in " + flags.text("--districts", "")
                        + " until " + until);
            }
            long deadline = flags.has("--minutes")
                    ? System.nanoTime() + Math.round(flags.positive("--minutes", 1) * 60e9) : Long.MAX_VALUE;
            out.printf(Locale.ROOT, "simulating Shanghai at %.0f readings/s into %s (seed %d)%n",
                    config.eventsPerSecond(), kafka, config.seed());
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(5_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                out.printf(Locale.ROOT, "  %,d events published, %,d refused by Kafka%n",
                        simulator.eventsPublished(), simulator.eventsFailed());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            out.println("simulate: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
