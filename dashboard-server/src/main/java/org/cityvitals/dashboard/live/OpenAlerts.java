package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts open now, merged from ClickHouse (on start) and Kafka (catch-up replay and live) by alert version, so
 * the two sources may arrive in any order and repeat each other. Resolved alerts are remembered for a while so that
 * a replayed older "opened" event does not bring them back. Confined to one event loop: not thread-safe.
 */
public final class OpenAlerts {

    private static final int RESOLVED_REMEMBERED = 10_000;

    private final Map<String, AlertEvent> open = new HashMap<>();
    private final Map<String, Integer> resolvedVersions = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > RESOLVED_REMEMBERED;
        }
    };

    /** Applies one transition; returns whether it was news (not older than or equal to what is known). */
    public boolean apply(AlertEvent event) {
        if (event.version() <= knownVersion(event.alertId())) {
            return false;
        }
        if (event.kind() == AlertKind.RESOLVED) {
            open.remove(event.alertId());
            resolvedVersions.put(event.alertId(), event.version());
        } else {
            open.put(event.alertId(), event);
        }
        return true;
    }

    private int knownVersion(String alertId) {
        AlertEvent current = open.get(alertId);
        if (current != null) {
            return current.version();
        }
        return resolvedVersions.getOrDefault(alertId, Integer.MIN_VALUE);
    }

    /** Open alerts, newest first. */
    public List<AlertEvent> all() {
        return open.values().stream().sorted(Comparator.comparing(AlertEvent::eventTime).reversed()).toList();
    }
}
