package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every transition and action of one alert, oldest first: what a resync sends for each alert that changed. */
public record ChangedAlert(String alertId, String district, List<AlertEvent> transitions, List<AlertAction> actions) {

    /** Groups transitions (by alert, oldest first) and actions into one entry per alert that has transitions. */
    public static List<ChangedAlert> group(List<AlertEvent> transitions, List<AlertAction> actions) {
        Map<String, List<AlertEvent>> byAlert = new LinkedHashMap<>();
        transitions.forEach(t -> byAlert.computeIfAbsent(t.alertId(), id -> new ArrayList<>()).add(t));
        Map<String, List<AlertAction>> actionsByAlert = new LinkedHashMap<>();
        actions.forEach(a -> actionsByAlert.computeIfAbsent(a.alertId(), id -> new ArrayList<>()).add(a));
        return byAlert.entrySet().stream().map(e -> new ChangedAlert(e.getKey(),
                e.getValue().get(e.getValue().size() - 1).district(), e.getValue(),
                actionsByAlert.getOrDefault(e.getKey(), List.of()))).toList();
    }
}
