package org.cityvitals.launcher.backfill;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.Jobs;
import org.cityvitals.jobs.VitalSignsJob;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.query.BackfillQueries;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Processes one replay beside the live job: refuses a range that live processing already wrote for the same city
 * (unless asked to overwrite it), runs the bounded backfill job ({@link Jobs#backfill}) in this JVM and shows its
 * progress from what ClickHouse has stored, until the job has finished and its results are queryable.
 */
public final class Backfill {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final JobSettings settings;
    private final BackfillQueries queries;

    public Backfill(JobSettings settings) {
        this.settings = settings;
        this.queries = new BackfillQueries(new ClickHouse(settings.clickHouseUrl()), settings.database());
    }

    /** Live windows the plan would overwrite; a message saying so, or null when there are none. */
    public String overlapWithLive(BackfillPlan plan) throws SQLException {
        BackfillQueries.LiveOverlap overlap = queries.liveOverlap(plan.areas(), plan.from(), plan.to());
        if (!overlap.any()) {
            return null;
        }
        return String.format(Locale.ROOT, "replay %s covers %s to %s of %s (%s), where live processing already "
                        + "wrote %,d indicator windows (%s to %s); a backfill would overwrite them. Nothing was "
                        + "computed: the replay's records stay unused in its topics. Replay a range without live "
                        + "data, or add --allow-overlap to overwrite it.",
                plan.replayId(), plan.from(), plan.to(), plan.city().nameEn(), plan.city().code(),
                overlap.windows(), overlap.first(), overlap.last());
    }

    /** Runs the backfill job to its end, printing progress to {@code out}; returns what was stored. */
    public BackfillQueries.StoredResults run(BackfillPlan plan, StreamExecutionEnvironment env, PrintWriter out)
            throws Exception {
        VitalSignsJob.configure(env, settings);
        Jobs.backfill(settings, plan.replayId(), plan.start(), plan.end()).build(env);
        long startNanos = System.nanoTime();
        JobClient job = env.executeAsync("CityVitals backfill " + plan.replayId());
        while (true) {
            try {
                job.getJobExecutionResult().get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException stillRunning) {
                out.print('\r' + progress(plan, queries.progress(plan.areas(), plan.from(), plan.to()),
                        System.nanoTime() - startNanos));
                out.flush();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the backfill job of replay " + plan.replayId() + " failed: "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
        BackfillQueries.StoredResults stored = queries.stored(plan.areas(), plan.from(), plan.to());
        out.println('\r' + progress(plan, stored, System.nanoTime() - startNanos));
        return stored;
    }

    /**
     * One line: how far (event time) the stored windows reach through the replay's range, the rows stored and the
     * time left at the pace so far.
     */
    static String progress(BackfillPlan plan, BackfillQueries.StoredResults stored, long elapsedNanos) {
        double span = Math.max(1, plan.to().getEpochSecond() - plan.from().getEpochSecond());
        double fraction = stored.newestWindowStart() == null ? 0
                : Math.min(1, (stored.newestWindowStart().getEpochSecond() - plan.from().getEpochSecond()) / span);
        double seconds = elapsedNanos / 1e9;
        String eta = fraction <= 0 ? "--" : Math.round(seconds / fraction - seconds) + " s";
        int filled = (int) (fraction * 30);
        return String.format(Locale.ROOT, "computing [%s] %5.1f%% %,10d windows %,8d health scores %,6d alert "
                        + "transitions stored  ETA %s   ", "#".repeat(filled) + "-".repeat(30 - filled),
                fraction * 100, stored.indicatorWindows(), stored.healthScores(), stored.alertTransitions(), eta);
    }
}
