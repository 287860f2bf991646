package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.signal.AlertAction;

/**
 * Where people stand with one open alert: the newest action of each kind (null when none), and how many comments it
 * has. A screen shows who acknowledged it, who it is assigned or escalated to, whether it is silenced, and whether
 * someone resolved it by hand (the episode is closed for people; the job's resolution follows).
 */
public record AlertHandling(String alertId, String district, AlertAction acknowledged, AlertAction assigned,
                            AlertAction silenced, AlertAction escalated, AlertAction lastComment, int comments,
                            AlertAction resolved) {

    static AlertHandling none(String alertId, String district) {
        return new AlertHandling(alertId, district, null, null, null, null, null, 0, null);
    }

    /** This state with {@code action} taken into account; an older action of a kind never replaces a newer one. */
    AlertHandling with(AlertAction a) {
        return switch (a.kind()) {
            case ACKNOWLEDGE -> new AlertHandling(alertId, district, newer(a, acknowledged), assigned, silenced,
                    escalated, lastComment, comments, resolved);
            case ASSIGN -> new AlertHandling(alertId, district, acknowledged, newer(a, assigned), silenced,
                    escalated, lastComment, comments, resolved);
            case SILENCE -> new AlertHandling(alertId, district, acknowledged, assigned, newer(a, silenced),
                    escalated, lastComment, comments, resolved);
            case ESCALATE -> new AlertHandling(alertId, district, acknowledged, assigned, silenced,
                    newer(a, escalated), lastComment, comments, resolved);
            case COMMENT -> new AlertHandling(alertId, district, acknowledged, assigned, silenced, escalated,
                    newer(a, lastComment), comments + 1, resolved);
            case RESOLVE -> new AlertHandling(alertId, district, acknowledged, assigned, silenced, escalated,
                    lastComment, comments, newer(a, resolved));
        };
    }

    private static AlertAction newer(AlertAction candidate, AlertAction held) {
        return held == null || !candidate.actedAt().isBefore(held.actedAt()) ? candidate : held;
    }
}
