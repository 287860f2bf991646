package org.cityvitals.launcher;

import org.cityvitals.indicators.cli.Cli;
import org.cityvitals.dashboard.DashboardCommand;
import org.cityvitals.ingest.gateway.GatewayCommand;
import org.cityvitals.ingest.sim.ScenarioCommand;
import org.cityvitals.ingest.sim.SimulateCommand;
import org.cityvitals.jobs.JobCommand;
import org.cityvitals.launcher.backfill.ReplayIntoPlatformCommand;
import org.cityvitals.store.DbCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The Java side of {@code ./cityvitals}: one picocli command with a subcommand per concern. Each module defines its
 * own commands; this class only composes them.
 */
@Command(name = "cityvitals", mixinStandardHelpOptions = true,
        description = "CityVitals, a city's vital signs: Kafka → Flink → ClickHouse → live screens.",
        subcommands = {Demo.class, TestCommand.class, StateCommands.Status.class, StateCommands.Stop.class,
                CatalogueCommand.class, ReplayIntoPlatformCommand.class, SimulateCommand.class, ScenarioCommand.class,
                GatewayCommand.class, DbCommand.class, DashboardCommand.class, JobCommand.class, HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.run(new Main(), args.toArray(String[]::new),
                new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
