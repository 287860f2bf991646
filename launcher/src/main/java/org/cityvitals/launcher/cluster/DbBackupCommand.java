package org.cityvitals.launcher.cluster;

import org.cityvitals.indicators.cli.ClickHouseOptions;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.backup.FrozenBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code db backup} and {@code db restore}: ClickHouse's own FREEZE snapshot and ATTACH PART, on the server's host. */
public final class DbBackupCommand {

    private DbBackupCommand() {}

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Back up a database (every table's schema and a FREEZE snapshot of its parts) into a "
                    + "new folder. Run it on the server's host: it copies from the server's data folder.",
                    "On a sharded cluster back up each shard's <database>_local and one server's <database>."})
    public static final class Backup implements Callable<Integer> {
        @Mixin ClickHouseOptions clickHouse;
        @Spec CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "DIR", description = "new or empty backup folder")
        Path to;

        @Override
        public Integer call() throws Exception {
            var s = new FrozenBackup(new ClickHouse(clickHouse.url())).backup(clickHouse.database(), to);
            spec.commandLine().getOut().printf("backed up %s: %d tables and views, %d parts, %,d rows into %s%n",
                    s.database(), s.tables(), s.parts(), s.rows(), to.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Restore a backup into its database: create what is missing, attach every part. "
                    + "Restoring the backups of all shards into one server gathers every row."})
    public static final class Restore implements Callable<Integer> {
        @Option(names = "--clickhouse", paramLabel = "JDBC-URL",
                defaultValue = org.cityvitals.indicators.cli.Endpoints.CLICKHOUSE,
                description = "ClickHouse server on this host (default: ${DEFAULT-VALUE})")
        String url;
        @Spec CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "DIR", description = "a folder made by db backup")
        Path from;

        @Override
        public Integer call() throws Exception {
            var s = new FrozenBackup(new ClickHouse(url)).restore(from);
            spec.commandLine().getOut().printf("restored %s: %d tables and views, %d parts, %,d rows from %s%n",
                    s.database(), s.tables(), s.parts(), s.rows(), from.toAbsolutePath());
            return 0;
        }
    }
}
