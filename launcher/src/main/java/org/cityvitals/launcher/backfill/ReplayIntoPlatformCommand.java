package org.cityvitals.launcher.backfill;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cityvitals.indicators.cli.ClickHouseOptions;
import org.cityvitals.ingest.replay.ProgressLine;
import org.cityvitals.ingest.replay.Replay;
import org.cityvitals.ingest.replay.ReplayCommand;
import org.cityvitals.ingest.replay.ReplayRequest;
import org.cityvitals.ingest.replay.ReplayResult;
import org.cityvitals.jobs.JobOptions;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.store.query.BackfillQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cityvitals replay}: history into a running platform. Publishes a data set's file into the replay topics
 * (ingest's replay), then computes its indicators, health scores and alerts in a bounded backfill job beside the
 * live one, marked as backfill in ClickHouse, and shows one progress display until they are queryable. A range that
 * live processing already wrote for the same city is refused unless {@code --allow-overlap}. With
 * {@code --no-wait} the backfill runs on in a process of its own and the command returns after publishing.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay a data set's history into the platform: publish it (topics cv.replay.*), then compute "
                + "its indicators, health scores and alerts for its city and time range beside the live job, "
                + "stored in ClickHouse as backfill (never pushed to the screens as live alarms)."})
public final class ReplayIntoPlatformCommand implements Callable<Integer> {

    @Mixin
    private ReplayCommand publish;

    @Mixin
    private ClickHouseOptions clickHouse;

    @Option(names = "--allow-overlap",
            description = "compute even where live processing already wrote windows of the same city and range "
                    + "(they are overwritten)")
    private boolean allowOverlap;

    @Option(names = "--no-wait",
            description = "return after publishing; the backfill runs on in a process of its own (log under "
                    + "--state)")
    private boolean noWait;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".state",
            description = "where the backfill keeps its checkpoints, and a --no-wait one its log "
                    + "(default: ${DEFAULT-VALUE})")
    private Path stateDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ReplayRequest request = publish.request();
        out.println("1/2 publishing " + request.file() + " (replay " + request.id() + ")");
        ReplayResult replay = Replay.publish(request, publish.kafka(), new ProgressLine(out));
        replay.print(out);
        if (!replay.succeeded()) {
            out.println("the replay did not publish everything: nothing was computed; replay again");
            return 1;
        }
        BackfillPlan plan = BackfillPlan.of(replay);
        // a backfill's state (a city's windows held until event time passes them) outgrows the 5 MB a checkpoint
        // may hold in the job manager's memory: every checkpoint failed and the job restarted over and over
        String checkpoints = stateDir.resolve("backfills").resolve(plan.replayId() + "-checkpoints")
                .toAbsolutePath().toUri().toString();
        JobSettings settings = JobOptions.parse("--kafka", publish.kafka(), "--clickhouse", clickHouse.url(),
                "--database", clickHouse.database(), "--checkpoint-dir", checkpoints);
        Backfill backfill = new Backfill(settings);
        String overlap = backfill.overlapWithLive(plan);
        if (overlap != null && !allowOverlap) {
            out.println(overlap);
            return 1;
        }
        if (noWait) {
            BackgroundBackfill.Started started = BackgroundBackfill.start(plan, publish.kafka(), clickHouse,
                    stateDir, checkpoints);
            out.printf(Locale.ROOT, "2/2 the backfill runs on in process %d; its log: %s%n", started.pid(),
                    started.log());
            return 0;
        }
        out.println("2/2 computing indicators, health scores and alerts of " + plan.city().nameEn() + " from "
                + plan.from() + " to " + plan.to());
        long t0 = System.nanoTime();
        BackfillQueries.StoredResults stored = backfill.run(plan, StreamExecutionEnvironment.getExecutionEnvironment(),
                out);
        out.printf(Locale.ROOT, "backfill %s done in %.1f s: %,d indicator windows, %,d health scores, %,d alert "
                        + "transitions stored for %s (%s), queryable now (origin = 'backfill')%n", plan.replayId(),
                Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0, stored.indicatorWindows(),
                stored.healthScores(), stored.alertTransitions(), plan.city().nameEn(), plan.city().code());
        return 0;
    }
}
