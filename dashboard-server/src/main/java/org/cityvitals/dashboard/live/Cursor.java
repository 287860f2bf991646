package org.cityvitals.dashboard.live;

import org.cityvitals.dashboard.feed.Position;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A client's place in the alert stream, durable across server restarts and the same on every instance: for each
 * Kafka partition of {@code cv.alerts} and {@code cv.alert-actions}, the offset of the last record delivered, plus the
 * Kafka time of the newest one (to find what changed meanwhile when the place is too old to resume from).
 *
 * <p>On the wire it is an opaque text such as {@code t1733050000000;a0=123;a1=45;x0=7} ({@code a} alerts,
 * {@code x} actions, then the partition). Immutable.
 */
public record Cursor(long timeMillis, Map<String, Long> offsets) {

    /** Nothing delivered yet. */
    public static final Cursor START = new Cursor(0, Map.of());

    public Cursor {
        offsets = Map.copyOf(offsets);
    }

    /** The last offset delivered on {@code streamPartition}, -1 when none. */
    public long offset(String streamPartition) {
        return offsets.getOrDefault(streamPartition, -1L);
    }

    /** This cursor moved past {@code position}. */
    public Cursor after(Position position) {
        if (position.offset() <= offset(position.streamPartition())) {
            return this;
        }
        Map<String, Long> moved = new HashMap<>(offsets);
        moved.put(position.streamPartition(), position.offset());
        return new Cursor(Math.max(timeMillis, position.timeMillis()), moved);
    }

    /** Whether {@code position} comes after what this cursor has delivered. */
    public boolean isBefore(Position position) {
        return position.offset() > offset(position.streamPartition());
    }

    /** Whether no partition of this cursor is ahead of {@code other}. */
    public boolean isAtMost(Cursor other) {
        return offsets.entrySet().stream().allMatch(e -> e.getValue() <= other.offset(e.getKey()));
    }

    /** The furthest of both in every partition. */
    public Cursor max(Cursor other) {
        Map<String, Long> merged = new HashMap<>(offsets);
        other.offsets.forEach((sp, offset) -> merged.merge(sp, offset, Math::max));
        return new Cursor(Math.max(timeMillis, other.timeMillis), merged);
    }

    public String encode() {
        return "t" + timeMillis + new TreeMap<>(offsets).entrySet().stream()
                .map(e -> ";" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
    }

    /** @throws IllegalArgumentException saying what a cursor looks like */
    public static Cursor parse(String text) {
        String[] parts = text.split(";");
        try {
            if (!parts[0].startsWith("t")) {
                throw new NumberFormatException("no time");
            }
            long time = Long.parseLong(parts[0].substring(1));
            Map<String, Long> offsets = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv.length != 2 || kv[0].isEmpty()) {
                    throw new NumberFormatException(parts[i]);
                }
                offsets.put(kv[0], Long.parseLong(kv[1]));
            }
            return new Cursor(time, offsets);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor (send back the last 'cursor' the server sent): '"
                    + text + "'", e);
        }
    }
}
