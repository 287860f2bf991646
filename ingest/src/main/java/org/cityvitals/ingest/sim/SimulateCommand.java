package org.cityvitals.ingest.sim;

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

    @Mixin
    private SimulatorOptions simulator;

    @Mixin
    private KafkaOption kafka;

    @Option(names = "--duration", paramLabel = "DURATION", description = "stop after this long (default: run until "
            + "stopped)")
    private Duration duration;

    @ArgGroup(exclusive = false)
    private ScenarioOptions scenario;

    @Spec
    private CommandSpec spec;

    /** A scenario from the start. */
    static final class ScenarioOptions extends ScenarioTarget {
        @Option(names = "--scenario-duration", paramLabel = "DURATION", defaultValue = "30m",
                description = "how long it lasts (default: ${DEFAULT-VALUE})")
        Duration duration;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        SimulatorConfig config = simulator.realTime();
        Scenario chosen = scenario == null ? null : scenario.scenario();
        try (Simulator running = Simulator.start(config, kafka.bootstrapServers())) {
            if (chosen != null) {
                Instant until = running.inject(chosen, scenario.districts(), scenario.duration);
                out.println("scenario " + chosen.code() + " in " + String.join(",", scenario.districts()) + " until "
                        + until);
            }
            long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            out.printf(Locale.ROOT, "simulating %s at %.0f readings/s into %s (seed %d)%n", config.city().nameEn(),
                    config.eventsPerSecond(), kafka.bootstrapServers(), config.seed());
            out.flush();
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(5_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                out.printf(Locale.ROOT, "  %,d events published, %,d refused by Kafka%n",
                        running.eventsPublished(), running.eventsFailed());
                out.flush();
            }
            return running.eventsFailed() == 0 ? 0 : 1;
        }
    }
}
