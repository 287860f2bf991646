package org.cityvitals.ingest.replay;

import org.cityvitals.ingest.source.OutboundEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Turns a roughly time-ordered stream into a strictly time-ordered one with bounded memory.
 *
 * <p>The watermark follows the source's progress time (the row's own time, not future events such as a 311
 * case's closing time): an event is released once the watermark has passed it by {@code maxDelay}, or earlier when
 * more than {@code capacity} events wait. Ties keep input order. An event older than one already released cannot be
 * put in order any more and is handed to the too-late consumer.
 */
public final class ReorderBuffer {
    private record Pending(OutboundEvent event, long seq) {
    }

    private final Duration maxDelay;
    private final int capacity;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> {
        int byTime = a.event().eventTime().compareTo(b.event().eventTime());
        return byTime != 0 ? byTime : Long.compare(a.seq(), b.seq());
    });
    private long seq;
    private Instant watermark = Instant.MIN;
    private Instant lastReleased = Instant.MIN;

    public ReorderBuffer(Duration maxDelay, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.maxDelay = maxDelay;
        this.capacity = capacity;
    }

    /** Queues the event, or hands it to {@code tooLate} when an event after it was already released. */
    public void offer(OutboundEvent event, Consumer<OutboundEvent> tooLate) {
        if (event.eventTime().isBefore(lastReleased)) {
            tooLate.accept(event);
        } else {
            queue.add(new Pending(event, seq++));
        }
    }

    /** Moves the watermark to the source's progress time and releases what is due, in time order. */
    public void advance(Instant progress, Consumer<OutboundEvent> release) {
        if (progress.isAfter(watermark)) watermark = progress;
        Instant due = watermark.minus(maxDelay);
        while (!queue.isEmpty() && (queue.size() > capacity || !queue.peek().event().eventTime().isAfter(due))) {
            release(release);
        }
    }

    /** Releases everything still waiting (end of input). */
    public void drain(Consumer<OutboundEvent> release) {
        while (!queue.isEmpty()) release(release);
    }

    public int size() {
        return queue.size();
    }

    private void release(Consumer<OutboundEvent> release) {
        OutboundEvent event = queue.poll().event();
        lastReleased = event.eventTime();
        release.accept(event);
    }
}
