package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAction;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A situation (事态): the related alerts of one district, derived from the alert stream and the actions on it, as
 * screens and the REST API show it. {@code hazard} is a hazard of the situation rules, or the indicator id for an
 * indicator in no hazard. {@code level} is the worst level any of its unsuppressed members reached; {@code alertIds}
 * are every member, {@code suppressedAlertIds} those an inhibition explains (shown, never counted as alarms).
 * {@code state} is {@code open} until a person resolves it or every unsuppressed member has resolved.
 * {@code dispatched} is the first work order's assignment (an {@code assign} action on the situation), null before.
 */
public record Situation(String id, String district, String hazard, Title title, Level level,
                        State state, Instant openedAt, Instant updatedAt, List<String> alertIds,
                        List<String> suppressedAlertIds, List<Member> members, List<TimelineEntry> timeline,
                        AlertAction acknowledged, AlertAction dispatched, Resolution resolved,
                        List<AlertAction> escalations) {

    public enum State { OPEN, RESOLVED }

    /** "黄浦区 暴雨内涝" and "Rainstorm flooding in Huangpu". */
    public record Title(String zh, String en) {}

    /**
     * {@code resolvedAt} null while the member's episode is open; {@code maintenance} the id of the maintenance
     * window that explains it (planned work: shown as in maintenance, never counted as an alarm), else null.
     */
    public record Member(String alertId, String indicatorId, String rule, Level level, Level worstLevel,
                         Instant since, Instant openedAt, Instant resolvedAt, boolean suppressed,
                         String maintenance) {}

    /**
     * One thing that happened, oldest first: {@code kind} is an alert transition ({@code opened},
     * {@code level_changed}, {@code resolved}) with its {@code alertId}, or an action on the situation
     * ({@code acknowledge}, {@code escalate}, {@code comment}, {@code resolve}) with its {@code actionId} and user.
     */
    public record TimelineEntry(Instant at, String kind, String alertId, String actionId, Level level, String user,
                                String note) {}

    /** How a person closed the situation; {@code cause} is a cause id of the situation rules. */
    public record Resolution(String user, String cause, String note, Instant at) {}

    public boolean open() {
        return state == State.OPEN;
    }

    /**
     * The same situation with only its {@code limit} newest members (by when their condition began) and timeline
     * entries: what a screen needs on every change, bounded however many alerts a situation gathers.
     */
    public Situation newest(int limit) {
        List<Member> kept = members.stream().sorted(Comparator.comparing(Member::since).reversed()).limit(limit)
                .sorted(Comparator.comparing(Member::suppressed).thenComparing(Member::since)).toList();
        List<TimelineEntry> recent = timeline.subList(Math.max(0, timeline.size() - limit), timeline.size());
        List<AlertAction> lastEscalations = escalations.subList(Math.max(0, escalations.size() - limit),
                escalations.size());
        return new Situation(id, district, hazard, title, level, state, openedAt, updatedAt,
                kept.stream().map(Member::alertId).toList(),
                kept.stream().filter(Member::suppressed).map(Member::alertId).toList(), kept, List.copyOf(recent),
                acknowledged, dispatched, resolved, List.copyOf(lastEscalations));
    }

    /** Whether planned work explains every member no inhibition does: nobody needs to be called out for it. */
    public boolean inMaintenance() {
        return members.stream().filter(m -> !m.suppressed()).allMatch(m -> m.maintenance() != null);
    }

    /** The members another cause explains (an inhibition or planned work): shown, never counted as alarms. */
    public java.util.stream.Stream<String> explainedAlertIds() {
        return members.stream().filter(m -> m.suppressed() || m.maintenance() != null).map(Member::alertId);
    }
}
