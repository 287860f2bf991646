package org.cityvitals.dashboard.backfill;

import java.util.List;
import java.util.Optional;

/**
 * Runs backfills of history that an admin starts over HTTP ({@code POST /api/admin/backfills}). The launcher
 * implements it, because a backfill is ingest's replay followed by a bounded Flink job, and this server depends on
 * neither; a server started alone has no runner and answers those endpoints with 501.
 */
public interface BackfillRunner {

    /**
     * Queues a backfill; backfills run one at a time.
     *
     * @param replayArguments the arguments of {@code cityvitals replay} (the platform's own Kafka and ClickHouse are
     *                        the runner's to add)
     * @throws IllegalArgumentException naming what is wrong with the arguments; nothing was queued
     */
    BackfillStatus start(List<String> replayArguments, String requestedBy);

    Optional<BackfillStatus> status(String id);

    /** Every backfill this runner has queued since it started, newest first. */
    List<BackfillStatus> all();
}
