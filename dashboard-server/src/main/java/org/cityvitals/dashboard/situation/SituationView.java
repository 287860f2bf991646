package org.cityvitals.dashboard.situation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The situations as the REST API and the alarm-flood count read them, from other event loops than the one that
 * derives them: immutable {@link Situation}s in concurrent maps, replaced whole on every change.
 */
public final class SituationView {

    private final Map<String, Situation> byId = new ConcurrentHashMap<>();
    private final Map<String, String> suppressedBy = new ConcurrentHashMap<>();

    /** Takes the changes of one input in: changed situations replace theirs, withdrawn ones go. */
    void apply(SituationBook.Changes changes) {
        changes.withdrawn().forEach(id -> forget(byId.remove(id)));
        for (Situation s : changes.changed()) {
            forget(byId.put(s.id(), s));
            s.suppressedAlertIds().forEach(a -> suppressedBy.put(a, s.id()));
        }
    }

    private void forget(Situation old) {
        if (old != null) {
            old.suppressedAlertIds().forEach(a -> suppressedBy.remove(a, old.id()));
        }
    }

    public Optional<Situation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every situation, newest opening first. */
    public List<Situation> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(Situation::openedAt).reversed().thenComparing(Situation::id)).toList();
    }

    /** Whether an inhibition explains the alert: shown as a suppressed member, never counted as an alarm. */
    public boolean suppressed(String alertId) {
        return suppressedBy.containsKey(alertId);
    }
}
