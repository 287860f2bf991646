package org.cityvitals.dashboard.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State frames (indicator values, health scores) waiting for the hub's next fan-out, the newest per key: a key that
 * changes several times between two fan-outs is written to the screens once, with its last value. This is what keeps
 * the one event loop from writing stale values to thousands of sockets when it falls behind. Alert transitions,
 * actions and situations never come here: they are written as they come.
 * Confined to the hub's event loop: not thread-safe.
 */
final class PendingState {

    /** A state frame and the key it is coalesced under ({@code indicator|area}, {@code health|area}). */
    record Keyed(String key, Outgoing message) {}

    private final Map<String, Outgoing> byKey = new LinkedHashMap<>();

    /** Holds {@code message} for the next fan-out; true when it replaced one not yet fanned out (keeping its place). */
    boolean offer(String key, Outgoing message) {
        return byKey.put(key, message) != null;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** Everything held, in the order the keys first changed since the last take, and forgets it. */
    List<Keyed> take() {
        List<Keyed> taken = new ArrayList<>(byKey.size());
        byKey.forEach((key, message) -> taken.add(new Keyed(key, message)));
        byKey.clear();
        return taken;
    }
}
