package org.cityvitals.dashboard.live;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one WebSocket client has yet to receive, bounded whatever the client's speed: indicator updates coalesce to
 * the newest per (indicator, district) — a slow screen skips intermediate values but never shows an old one —
 * heartbeats coalesce to one, and alerts queue in order up to a limit. Alerts are never dropped: when the limit is
 * reached {@link #offerAlert} says so and the caller disconnects the client, who resumes from a fresh snapshot.
 * Alerts go out first, then values, then the heartbeat.
 */
public final class OutboundQueue {

    private final int maxAlerts;
    private final ArrayDeque<Outgoing> alerts = new ArrayDeque<>();
    private final Map<String, Outgoing> valuesByKey = new LinkedHashMap<>();
    private Outgoing heartbeat;

    public OutboundQueue(int maxAlerts) {
        this.maxAlerts = maxAlerts;
    }

    /** Queues an indicator update, replacing any not yet sent for the same key (keeping its place in line). */
    public void offerValue(String key, Outgoing value) {
        valuesByKey.put(key, value);
    }

    /** Queues an alert; false when the client is already {@code maxAlerts} behind and must be disconnected. */
    public boolean offerAlert(Outgoing alert) {
        if (alerts.size() >= maxAlerts) {
            return false;
        }
        alerts.add(alert);
        return true;
    }

    public void offerHeartbeat(Outgoing beat) {
        heartbeat = beat;
    }

    public boolean isEmpty() {
        return alerts.isEmpty() && valuesByKey.isEmpty() && heartbeat == null;
    }

    /** The next message to send, or null when there is none. */
    public Outgoing poll() {
        if (!alerts.isEmpty()) {
            return alerts.poll();
        }
        Iterator<Outgoing> values = valuesByKey.values().iterator();
        if (values.hasNext()) {
            Outgoing next = values.next();
            values.remove();
            return next;
        }
        Outgoing beat = heartbeat;
        heartbeat = null;
        return beat;
    }
}
