package org.cityvitals.dashboard.live;

import org.cityvitals.dashboard.feed.Sequenced;
import org.cityvitals.dashboard.situation.SituationIds;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the live view knows: the latest values and health scores, the open alerts with their handling, the alarm
 * flood, and the recent alert stream. Alerts from backfills never enter it. Confined to one event loop.
 */
public final class LiveState {

    private final NewestByKey<IndicatorValue> latest = NewestByKey.indicatorValues();
    private final NewestByKey<HealthScoreValue> health = NewestByKey.healthScores();
    private final OpenAlerts open = new OpenAlerts();
    private final AlarmFlood flood = new AlarmFlood();
    private final AlertLog log;
    private Predicate<String> explained = alertId -> false;
    private Function<String, Optional<Clearance>> situationClass = situationId -> Optional.empty();
    /** The class each screen state that can be withdrawn was last pushed with, by key, until its last state. */
    private final Map<String, Clearance> screenClasses = new HashMap<>();

    LiveState(int alertLogSize) {
        this.log = new AlertLog(alertLogSize);
    }

    NewestByKey<IndicatorValue> latest() {
        return latest;
    }

    NewestByKey<HealthScoreValue> health() {
        return health;
    }

    AlertLog log() {
        return log;
    }

    /** An open alert loaded from ClickHouse on start: state only, it has no place in the stream. */
    void applyStored(AlertEvent alert) {
        if (alert.pushedLive()) {
            open.apply(alert);
            flood.observe(alert);
        }
    }

    /** An action loaded from ClickHouse on start: state only. */
    void applyStored(AlertAction action) {
        open.applyAction(action);
    }

    void streamStarts(Map<String, Long> starts) {
        starts.forEach(log::startsAt);
    }

    /**
     * Takes a record of the alert stream into the state and the log; the log entry, or empty when the record was
     * already there (a replay) or is not for live screens (a backfill).
     */
    Optional<Outgoing> append(Sequenced record) {
        if (!log.isNew(record.position())) {
            return Optional.empty();
        }
        Cursor head = log.head().after(record.position());
        Outgoing entry;
        if (record.signal() instanceof AlertEvent alert) {
            if (!alert.pushedLive()) {
                return Optional.empty();
            }
            open.apply(alert);
            flood.observe(alert);
            entry = Outgoing.sequenced(alert.district(), alert.audience() == AlertAudience.PLATFORM,
                    classOf(alert), record.position(), head, new WireMessages.AlertMessage("alert", alert));
        } else if (record.signal() instanceof AlertAction action) {
            AlertHandling handling = open.applyAction(action).orElse(null);
            Optional<AlertEvent> alert = open.find(action.alertId());
            boolean platform = alert.map(a -> a.audience() == AlertAudience.PLATFORM).orElse(false);
            // an action on a situation is of its situation's class (its highest member's); one on a situation this
            // instance does not hold, or on an alert no longer open, says nothing of them: only the fully cleared get it
            Clearance dataClass = SituationIds.isSituation(action.alertId())
                    ? situationClass.apply(action.alertId()).orElse(Clearance.SENSITIVE)
                    : alert.map(LiveState::classOf).orElse(Clearance.SENSITIVE);
            entry = Outgoing.sequenced(action.district(), platform, dataClass, record.position(), head,
                    new WireMessages.AlertActionMessage("alertAction", action, handling));
        } else {
            throw new IllegalArgumentException("not a record of the alert stream: " + record.signal());
        }
        log.append(entry);
        return Optional.of(entry);
    }

    public List<IndicatorValue> latest(Audience audience) {
        return latest.all().stream()
                .filter(v -> audience.scope().allows(v.district()) && audience.reveals(v.indicatorId())).toList();
    }

    public List<HealthScoreValue> health(Audience audience) {
        if (!audience.revealsHealth()) {
            return List.of();
        }
        return health.all().stream().filter(h -> audience.scope().allows(h.district())).toList();
    }

    public List<AlertEvent> openAlerts(Audience audience) {
        return open.all().stream().filter(a -> admits(audience, a)).toList();
    }

    public Optional<AlertEvent> openAlert(String alertId) {
        return open.find(alertId);
    }

    public List<AlertHandling> handling(Audience audience) {
        return open.handling().stream()
                .filter(h -> open.find(h.alertId()).map(a -> admits(audience, a)).orElse(false)).toList();
    }

    /**
     * The flood state of what {@code audience} sees: only the alerts it may see count, and none another cause
     * explains (an inhibition's suppressed members are shown, never counted).
     */
    public AlarmFlood.State flood(Audience audience, Instant now) {
        return flood.state(alert -> admits(audience, alert) && !explained.test(alert.alertId()), now);
    }

    /**
     * Where an action on a situation finds the situation's class ({@code SituationIds.classOf}): the situations as
     * this instance derives them. Until it is set, and for a situation not (yet) derived, the action is sensitive.
     */
    public void judgeSituationActionsBy(Function<String, Optional<Clearance>> classOfSituation) {
        this.situationClass = classOfSituation;
    }

    /**
     * Takes in a pushed screen state and returns the class its key was last pushed with when this one's is higher:
     * the sessions cleared for that one and not for this one are owed {@link ScreenState#withdrawal()}.
     */
    Optional<Clearance> risenFrom(ScreenState pushed) {
        Clearance before = pushed.withdrawal() == null ? screenClasses.remove(pushed.key())
                : screenClasses.put(pushed.key(), pushed.dataClass());
        return before != null && pushed.withdrawal() != null && !before.covers(pushed.dataClass())
                ? Optional.of(before) : Optional.empty();
    }

    /** Alerts another cause explains (an inhibition's suppressed members): shown, never counted in the flood. */
    public void excludeFromFlood(Predicate<String> explainedAlertIds) {
        this.explained = explainedAlertIds;
    }

    /**
     * Whether {@code audience} may see {@code alert}: in scope, for platform alarms cleared for them, and cleared for
     * alerts on its indicator (classification's {@code alertClass}).
     */
    public static boolean admits(Audience audience, AlertEvent alert) {
        return audience.scope().allows(alert.district())
                && (alert.audience() != AlertAudience.PLATFORM || audience.platformAlerts())
                && audience.revealsAlertsOn(alert.indicatorId());
    }

    private static Clearance classOf(AlertEvent alert) {
        return Classification.loadDefault().alertClass(alert.indicatorId());
    }
}
