package org.cityvitals.launcher.cluster;

import org.cityvitals.indicators.cli.Cli;
import picocli.CommandLine.Command;

/**
 * The cluster, drill, bench and backup commands under one name until they are subcommands of {@code cityvitals}
 * itself: {@code java -cp 'launcher/target/classes:launcher/target/lib/*' org.cityvitals.launcher.cluster.OpsCommands
 * cluster up}.
 */
@Command(name = "cityvitals", mixinStandardHelpOptions = true,
        subcommands = {ClusterCommand.class, DrillCommand.class, BenchCommand.class, OpsCommands.Db.class})
public final class OpsCommands {

    /** The database commands added here; the launcher's own {@code db} has migrate, retention and dimensions. */
    @Command(name = "db", mixinStandardHelpOptions = true, subcommands = {DbBackupCommand.Backup.class,
            DbBackupCommand.Restore.class, DbClusterSchemaCommand.class})
    static final class Db {
    }

    public static void main(String[] args) {
        System.exit(Cli.of(new OpsCommands()).execute(args));
    }
}
