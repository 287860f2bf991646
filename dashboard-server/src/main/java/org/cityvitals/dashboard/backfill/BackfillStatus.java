package org.cityvitals.dashboard.backfill;

import java.time.Instant;
import java.util.List;

/**
 * Where one backfill stands: {@code progress} is the newest line of the replay command's progress display,
 * {@code output} everything it printed (its summary last once it has finished). Times are null until they happen.
 */
public record BackfillStatus(String id, State state, String requestedBy, List<String> arguments, Instant queuedAt,
                             Instant startedAt, Instant finishedAt, String progress, List<String> output) {

    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED
    }
}
