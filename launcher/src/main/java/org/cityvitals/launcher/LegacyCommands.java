package org.cityvitals.launcher;

import org.cityvitals.ingest.replay.Replay;
import org.cityvitals.ingest.sim.ScenarioCli;
import org.cityvitals.ingest.sim.SimulatorCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.io.PrintStream;

/**
 * Ingest's commands until they have picocli commands of their own: the arguments go to ingest's parsers as they
 * are.
 */
final class LegacyCommands {

    private LegacyCommands() {}

    abstract static class PassThrough implements Callable<Integer> {
        @Unmatched
        List<String> args = List.of();

        private final BiFunction<String[], PrintStream, Integer> run;

        PassThrough(BiFunction<String[], PrintStream, Integer> run) {
            this.run = run;
        }

        @Override
        public Integer call() {
            return run.apply(args.toArray(String[]::new), System.out);
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = "Publish a public data set into Kafka in event-time order.")
    static final class ReplayCommand extends PassThrough {
        ReplayCommand() {
            super(Replay::run);
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true, description = "Run the Shanghai simulator against any Kafka.")
    static final class SimulateCommand extends PassThrough {
        SimulateCommand() {
            super(SimulatorCli::run);
        }
    }

    @Command(name = "scenario", mixinStandardHelpOptions = true, description = "Inject a scenario into a running demo.")
    static final class ScenarioCommand extends PassThrough {
        ScenarioCommand() {
            super(ScenarioCli::run);
        }
    }
}
