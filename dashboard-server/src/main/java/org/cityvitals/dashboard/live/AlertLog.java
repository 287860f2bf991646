package org.cityvitals.dashboard.live;

import org.cityvitals.dashboard.feed.Position;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recent alert stream (transitions and actions, in the order this instance read them from Kafka), from which a
 * reconnecting client receives exactly what it missed. Bounded: the oldest entries leave when {@code capacity} is
 * reached. Rebuilt after a restart by the Kafka catch-up replay. Confined to one event loop: not thread-safe.
 */
public final class AlertLog {

    private final int capacity;
    private final ArrayDeque<Outgoing> entries = new ArrayDeque<>();
    /** Per stream partition, the first offset this log still has or will have: anything before it is gone. */
    private final Map<String, Long> floor = new HashMap<>();
    private Cursor head = Cursor.START;

    public AlertLog(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The replay of {@code streamPartition} starts at {@code offset}: what came before is not here, and the head
     * stands just before it, so every cursor handed out names every partition.
     */
    public void startsAt(String streamPartition, long offset) {
        floor.merge(streamPartition, offset, Math::max);
        head = head.max(new Cursor(0, Map.of(streamPartition, offset - 1)));
    }

    /** Whether {@code position} is news: a replay after a consumer restart repeats what is already here. */
    public boolean isNew(Position position) {
        return head.isBefore(position);
    }

    /** Appends a new entry (check {@link #isNew} first); returns the head after it. */
    public Cursor append(Outgoing entry) {
        Position p = entry.position();
        head = head.after(p);
        entries.addLast(entry);
        if (entries.size() > capacity) {
            Position gone = entries.removeFirst().position();
            floor.merge(gone.streamPartition(), gone.offset() + 1, Math::max);
        }
        return head;
    }

    /** The position after everything appended so far. */
    public Cursor head() {
        return head;
    }

    /**
     * Everything after {@code cursor}, in order; empty when the log no longer reaches back that far (the client
     * needs a fresh snapshot instead).
     */
    public Optional<List<Outgoing>> after(Cursor cursor) {
        for (Map.Entry<String, Long> f : floor.entrySet()) {
            if (cursor.offset(f.getKey()) + 1 < f.getValue()) {
                return Optional.empty();
            }
        }
        return Optional.of(entries.stream().filter(e -> cursor.isBefore(e.position())).toList());
    }

    public int size() {
        return entries.size();
    }

    /** For logs: how many entries, from where per partition, up to where. */
    public String describe() {
        return entries.size() + " entries, from " + new java.util.TreeMap<>(floor) + " up to " + head.encode();
    }
}
