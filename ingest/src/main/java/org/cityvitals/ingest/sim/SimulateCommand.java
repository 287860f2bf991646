package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.cli.KafkaOption;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cityvitals simulate}: runs the simulator of any city profile in real time against any Kafka, optionally with
 * one scenario from the start, printing a status line every 5 seconds until {@code --duration} has passed or the
 * process is stopped.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulate a city (every catalogue metric in every district, incident streams) in real time "
                + "into Kafka.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--city", paramLabel = "ID", defaultValue = CityProfiles.DEFAULT_ID,
            description = "city profile: shanghai, beijing, boston, new-york, aarhus, tetouan, i94 "
                    + "(default: ${DEFAULT-VALUE})")
    private String city;

    @Mixin
    private KafkaOption kafka;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "300",
            description = "sensor readings per second; incidents come on top (default: ${DEFAULT-VALUE})")
    private double rate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "random seed: the same seed gives the same city (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--duration", paramLabel = "DURATION", description = "stop after this long (default: run until "
            + "stopped)")
    private Duration duration;

    @ArgGroup(exclusive = false)
    private ScenarioOptions scenario;

    @Spec
    private CommandSpec spec;

    static final class ScenarioOptions {
        @Option(names = "--scenario", required = true, paramLabel = "NAME",
                description = "a scenario from the start: rainstorm_flooding, pollution_episode, rush_hour_gridlock, "
                        + "water_main_burst, power_outage, hotline_surge")
        String name;

        @Option(names = "--districts", required = true, split = ",", paramLabel = "CODE",
                description = "its districts, e.g. 310101,310104")
        List<String> districts;

        @Option(names = "--scenario-duration", paramLabel = "DURATION", defaultValue = "30m",
                description = "how long it lasts (default: ${DEFAULT-VALUE})")
        Duration duration;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CityProfile profile = CityProfiles.byId(city);
        SimulatorConfig config = SimulatorConfig.realTime(seed, rate).inCity(profile);
        Scenario chosen = scenario == null ? null : Scenario.parse(scenario.name);
        try (Simulator simulator = Simulator.start(config, kafka.bootstrapServers())) {
            if (chosen != null) {
                Instant until = simulator.inject(chosen, new LinkedHashSet<>(scenario.districts), scenario.duration);
                out.println("scenario " + chosen.code() + " in " + String.join(",", scenario.districts) + " until "
                        + until);
            }
            long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            out.printf(Locale.ROOT, "simulating %s at %.0f readings/s into %s (seed %d)%n", profile.nameEn(),
                    config.eventsPerSecond(), kafka.bootstrapServers(), config.seed());
            out.flush();
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(5_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                out.printf(Locale.ROOT, "  %,d events published, %,d refused by Kafka%n",
                        simulator.eventsPublished(), simulator.eventsFailed());
                out.flush();
            }
            return simulator.eventsFailed() == 0 ? 0 : 1;
        }
    }
}
