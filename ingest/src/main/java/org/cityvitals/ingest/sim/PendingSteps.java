package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.event.Incident;

import java.time.Instant;
import java.util.PriorityQueue;

/** Incident lifecycle steps (dispatch, resolution) scheduled for later event time, released in time order. */
final class PendingSteps {
    private record Step(Instant at, long seq, Incident incident) {
    }

    private final PriorityQueue<Step> queue = new PriorityQueue<>((a, b) -> {
        int byTime = a.at().compareTo(b.at());
        return byTime != 0 ? byTime : Long.compare(a.seq(), b.seq());
    });
    private long seq;

    void schedule(Incident step, Instant at) {
        queue.add(new Step(at, seq++, step));
    }

    /** Sends every step due before {@code until} to {@code sink}. */
    void releaseBefore(Instant until, EventSink sink) {
        while (!queue.isEmpty() && queue.peek().at().isBefore(until)) {
            Step step = queue.poll();
            sink.incident(step.incident(), step.at());
        }
    }

    int size() {
        return queue.size();
    }
}
