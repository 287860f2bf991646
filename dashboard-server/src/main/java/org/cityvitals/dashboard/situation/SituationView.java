package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.catalogue.Cause;
import org.cityvitals.indicators.catalogue.ResponseIndicators;
import org.cityvitals.indicators.catalogue.SituationRules;

import java.time.Clock;
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
    private final Map<String, String> explainedBy = new ConcurrentHashMap<>();
    private final Maintenance maintenance;
    private volatile List<Cause> causes = List.of();
    private volatile ResponseIndicators responseIndicators;
    private volatile Clock clock = Clock.systemUTC();

    public SituationView(Maintenance maintenance) {
        this.maintenance = maintenance;
    }

    /** The maintenance windows the situations are derived with. */
    public Maintenance maintenance() {
        return maintenance;
    }

    /** The causes a person resolving a situation chooses from: the situation rules'. */
    public List<Cause> causes() {
        return causes;
    }

    /** The catalogue's indicators of the centre's response times, whose thresholds judge them. */
    public ResponseIndicators responseIndicators() {
        return responseIndicators;
    }

    /**
     * The clock situations are timed by (escalation, and the times people act on them, which the response-time
     * indicators measure from the opening): the situation settings'.
     */
    public Clock clock() {
        return clock;
    }

    void useRules(SituationRules rules, Clock situationClock) {
        clock = situationClock;
        causes = rules.causes();
        responseIndicators = rules.responseIndicators();
    }

    /** Takes the changes of one input in: changed situations replace theirs, withdrawn ones go. */
    void apply(SituationBook.Changes changes) {
        changes.withdrawn().forEach(id -> forget(byId.remove(id)));
        for (Situation s : changes.changed()) {
            forget(byId.put(s.id(), s));
            s.explainedAlertIds().forEach(a -> explainedBy.put(a, s.id()));
        }
    }

    private void forget(Situation old) {
        if (old != null) {
            old.explainedAlertIds().forEach(a -> explainedBy.remove(a, old.id()));
        }
    }

    public Optional<Situation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The class of a situation ({@link SituationIds#classOf}), or empty when there is no such situation (now). */
    public Optional<Clearance> classOf(String id) {
        return find(id).map(SituationIds::classOf);
    }

    /** Every situation, newest opening first. */
    public List<Situation> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(Situation::openedAt).reversed().thenComparing(Situation::id)).toList();
    }

    /**
     * Whether another cause explains the alert (an inhibition, or planned work): shown as a suppressed or
     * in-maintenance member, never counted as an alarm.
     */
    public boolean explained(String alertId) {
        return explainedBy.containsKey(alertId);
    }
}
