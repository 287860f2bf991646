package org.cityvitals.dashboard.live;

import org.cityvitals.dashboard.BoundedMaps;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.AlertAction;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts open now, merged from ClickHouse (on start) and Kafka (catch-up replay and live) by alert version, so
 * the two sources may arrive in any order and repeat each other. Resolved alerts are remembered for a while so that
 * a replayed older "opened" event does not bring them back. Each open alert carries its {@link AlertHandling}, which
 * goes with the alert when it resolves. Confined to one event loop: not thread-safe.
 */
public final class OpenAlerts {

    private static final int RESOLVED_REMEMBERED = 10_000;

    private final Map<String, AlertEvent> open = new HashMap<>();
    private final Map<String, AlertHandling> handling = new HashMap<>();
    /** The ids of the actions taken into each open alert's handling: ClickHouse and Kafka may both bring one. */
    private final Map<String, Set<String>> appliedActions = new HashMap<>();
    private final Map<String, Integer> resolvedVersions = BoundedMaps.oldestFirst(RESOLVED_REMEMBERED);

    /** Applies one transition; returns whether it was news (not older than or equal to what is known). */
    public boolean apply(AlertEvent event) {
        if (event.version() <= knownVersion(event.alertId())) {
            return false;
        }
        if (event.kind() == AlertKind.RESOLVED) {
            open.remove(event.alertId());
            handling.remove(event.alertId());
            appliedActions.remove(event.alertId());
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

    /**
     * Takes an action into the handling of its alert, once; the handling after it, or empty when the alert is not
     * open here (an action on a resolved alert is recorded and shown, but changes nothing that is open).
     */
    public Optional<AlertHandling> applyAction(AlertAction action) {
        AlertEvent alert = open.get(action.alertId());
        if (alert == null) {
            return Optional.empty();
        }
        if (!appliedActions.computeIfAbsent(action.alertId(), id -> new HashSet<>()).add(action.actionId())) {
            return Optional.ofNullable(handling.get(action.alertId()));
        }
        AlertHandling updated = handling.getOrDefault(action.alertId(),
                AlertHandling.none(alert.alertId(), alert.district())).with(action);
        handling.put(action.alertId(), updated);
        return Optional.of(updated);
    }

    public Optional<AlertEvent> find(String alertId) {
        return Optional.ofNullable(open.get(alertId));
    }

    /** The handling of every open alert someone has acted on. */
    public List<AlertHandling> handling() {
        return List.copyOf(handling.values());
    }

    /** Open alerts, newest first. */
    public List<AlertEvent> all() {
        return open.values().stream().sorted(Comparator.comparing(AlertEvent::eventTime).reversed()).toList();
    }
}
