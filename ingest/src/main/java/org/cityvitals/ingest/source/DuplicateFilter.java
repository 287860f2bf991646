package org.cityvitals.ingest.source;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Recognises rows seen before (same key and time, e.g. road segment and timestamp) within a time horizon, with memory bounded by the
 * rows of that horizon rather than by the file. Repeats further apart than the horizon are also out of order by more
 * than the reorder buffer allows, so replay rejects them as too late anyway.
 */
public final class DuplicateFilter {
    private record Seen(Instant time, String key) {
    }

    private final Duration horizon;
    private final Set<String> keys = new HashSet<>();
    private final PriorityQueue<Seen> byTime = new PriorityQueue<>((a, b) -> a.time().compareTo(b.time()));
    private Instant latest = Instant.MIN;

    public DuplicateFilter(Duration horizon) {
        this.horizon = horizon;
    }

    /** True the first time {@code key} is seen at {@code time}; false for a repeat. */
    public boolean firstSighting(String key, Instant time) {
        String keyAtTime = key + '@' + time;
        if (time.isAfter(latest)) {
            latest = time;
            Instant oldest = latest.minus(horizon);
            while (!byTime.isEmpty() && byTime.peek().time().isBefore(oldest)) {
                keys.remove(byTime.poll().key());
            }
        }
        if (!keys.add(keyAtTime)) return false;
        byTime.add(new Seen(time, keyAtTime));
        return true;
    }
}
