package org.cityvitals.launcher.backfill;

import org.cityvitals.indicators.cli.ClickHouseOptions;
import org.cityvitals.jobs.JobCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * A backfill that outlives the command that started it: {@code cityvitals job backfill} for the plan, in a JVM of
 * its own on this JVM's class path, its output in {@code STATE/backfills/REPLAY-ID.log}.
 */
final class BackgroundBackfill {

    record Started(long pid, Path log) {}

    private BackgroundBackfill() {}

    static Started start(BackfillPlan plan, String kafka, ClickHouseOptions clickHouse, Path stateDir,
                         String checkpointDir) throws IOException {
        Path log = stateDir.resolve("backfills").resolve(plan.replayId() + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                JobCommand.class.getName(), "backfill", "--replay", plan.replayId(), "--offsets", plan.offsetsFlag(),
                "--kafka", kafka, "--clickhouse", clickHouse.url(), "--database", clickHouse.database(),
                "--checkpoint-dir", checkpointDir))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Started(process.pid(), log);
    }
}
