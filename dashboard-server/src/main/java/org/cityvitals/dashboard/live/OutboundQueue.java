package org.cityvitals.dashboard.live;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one WebSocket client has yet to receive, bounded whatever the client's speed. Two lanes:
 * <ul>
 *   <li>the ordered lane: alert transitions, actions and heartbeats, sent in the order queued, because each carries
 *   the cursor the client resumes from. A heartbeat that would follow another unsent one replaces it. Entries are
 *   never dropped: when {@code maxOrdered} is reached {@link #offerOrdered} says so and the caller disconnects the
 *   client, who resumes from its last cursor without loss;</li>
 *   <li>the state lane: indicator values, health scores and the flood state, coalesced to the newest per key — a
 *   slow screen skips intermediate values but never shows an old one.</li>
 * </ul>
 * The ordered lane goes first. Entries are shared between clients, so a client costs a reference per entry.
 */
public final class OutboundQueue {

    private final int maxOrdered;
    private final ArrayDeque<Queued> ordered = new ArrayDeque<>();
    private final Map<String, Outgoing> stateByKey = new LinkedHashMap<>();

    /** An entry of the ordered lane: the message and, when it differs from the shared one, its own text. */
    public record Queued(Outgoing message, String ownText, boolean heartbeat) {
        public String text() {
            return ownText != null ? ownText : message.text();
        }
    }

    public OutboundQueue(int maxOrdered) {
        this.maxOrdered = maxOrdered;
    }

    /**
     * Queues a state message, replacing any not yet sent for the same key (keeping its place in line); true when it
     * replaced one.
     */
    public boolean offerState(String key, Outgoing value) {
        return stateByKey.put(key, value) != null;
    }

    /** Queues an alert-stream message; false when the client is already {@code maxOrdered} behind. */
    public boolean offerOrdered(Outgoing message, String ownText) {
        if (ordered.size() >= maxOrdered) {
            return false;
        }
        ordered.add(new Queued(message, ownText, false));
        return true;
    }

    /**
     * Queues a heartbeat after everything in the ordered lane, replacing one that is still last in it; true when it
     * replaced one.
     */
    public boolean offerHeartbeat(Outgoing beat, String ownText) {
        Queued last = ordered.peekLast();
        boolean replaces = last != null && last.heartbeat();
        if (replaces) {
            ordered.removeLast();
        }
        ordered.add(new Queued(beat, ownText, true));
        return replaces;
    }

    public boolean isEmpty() {
        return ordered.isEmpty() && stateByKey.isEmpty();
    }

    /** The next text to send, or null when there is none. */
    public String poll() {
        Queued next = ordered.poll();
        if (next != null) {
            return next.text();
        }
        Iterator<Outgoing> values = stateByKey.values().iterator();
        if (values.hasNext()) {
            Outgoing value = values.next();
            values.remove();
            return value.text();
        }
        return null;
    }
}
