package org.cityvitals.launcher;

import org.cityvitals.indicators.cli.Cli;
import org.cityvitals.dashboard.DashboardCommand;
import org.cityvitals.ingest.gateway.GatewayCommand;
import org.cityvitals.ingest.sim.ScenarioCommand;
import org.cityvitals.ingest.sim.SimulateCommand;
import org.cityvitals.jobs.JobCommand;
import org.cityvitals.launcher.backfill.ReplayIntoPlatformCommand;
import org.cityvitals.launcher.cluster.BenchCommand;
import org.cityvitals.launcher.cluster.ClusterCommand;
import org.cityvitals.launcher.cluster.DbBackupCommand;
import org.cityvitals.launcher.cluster.DbClusterSchemaCommand;
import org.cityvitals.launcher.cluster.DrillCommand;
import org.cityvitals.store.DbCommand;
import picocli.CommandLine;
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
                GatewayCommand.class, DbCommand.class, DashboardCommand.class, JobCommand.class,
                ClusterCommand.class, DrillCommand.class, BenchCommand.class, HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * The whole command line. The store's {@code db} command cannot name the cluster's commands (modules do not
     * reach up), so its backup, restore and sharded-schema subcommands are added here.
     */
    static CommandLine commandLine() {
        CommandLine line = Cli.of(new Main());
        CommandLine db = line.getSubcommands().get("db");
        db.addSubcommand(new DbBackupCommand.Backup());
        db.addSubcommand(new DbBackupCommand.Restore());
        db.addSubcommand(new DbClusterSchemaCommand());
        return line;
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.run(commandLine(), args.toArray(String[]::new),
                new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
