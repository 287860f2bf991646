package org.cityvitals.launcher.cluster;

import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.cluster.ClusterLayout;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.backup.FrozenBackup;
import org.cityvitals.store.distributed.DistributedSchema;
import org.cityvitals.store.query.TableContent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code drill backup-restore}: backs up every shard of a drill's database with FREEZE, restores all of them into
 * one empty ClickHouse server, and compares: every table the same row count, the job's tables the same content
 * after FINAL as the cluster's Distributed tables.
 */
final class BackupDrill {

    private BackupDrill() {}

    static List<Check> run(DrillContext ctx, String database) throws Exception {
        ClusterLayout layout = ctx.layout;
        String local = database + DistributedSchema.LOCAL_SUFFIX;
        long stored = ctx.storedRows(database);
        if (stored == 0) {
            throw new IllegalStateException("database " + database + " holds no rows: run a fault drill first, e.g. "
                    + "./cityvitals drill none");
        }
        Path backups = layout.dir().resolve("backups/" + System.currentTimeMillis());
        List<Path> shardBackups = new ArrayList<>();
        for (int s = 0; s < ClusterLayout.SHARDS; s++) {
            Path to = backups.resolve("shard-" + (s + 1));
            var summary = new FrozenBackup(ClusterServices.shards(layout).get(s)).backup(local, to);
            ctx.say("backed up shard " + (s + 1) + ": " + summary.parts() + " parts, " + summary.rows() + " rows");
            shardBackups.add(to);
        }
        Path emptyDir = Files.createTempDirectory("cityvitals-restore");
        List<Check> checks = new ArrayList<>();
        try (ClickHouseServer empty = ClickHouseServer.start(emptyDir)) {
            ClickHouse restored = new ClickHouse(empty.jdbcUrl("default"));
            for (Path backup : shardBackups) {
                var summary = new FrozenBackup(restored).restore(backup);
                ctx.say("restored " + backup.getFileName() + " into an empty server: " + summary.parts() + " parts");
            }
            Map<String, Long> before = new TableContent(ctx.clickHouse).rowCounts(database);
            Map<String, Long> after = new TableContent(restored).rowCounts(local);
            checks.add(new Check("every table has as many rows as on the cluster", before.equals(after),
                    "cluster " + before + ", restored " + after));
            List<String> diffs = FinalDigest.differences(FinalDigest.of(restored, local),
                    FinalDigest.of(ctx.clickHouse, database));
            checks.add(new Check("the job's tables hold the same content after FINAL", diffs.isEmpty(),
                    diffs.isEmpty() ? FinalDigest.JOB_TABLES.stream().map(FinalDigest.JobTable::name).toList().toString() : String.join("; ", diffs)));
        }
        return checks;
    }
}
