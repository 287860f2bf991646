package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertIds;

import java.util.Optional;

/**
 * A person resolved an alert by hand (a {@code resolve} on {@code cv.alert-actions}). The job closes that episode,
 * so people and the job agree it is over; if the condition still holds, the rule opens a new episode after its
 * for-duration, as it would for a condition that begins now.
 */
public record ManualResolve(String alertId, String user, long actedAt) {

    /** The resolve an action carries, if it is one; the other actions are for people, not for the rules. */
    public static Optional<ManualResolve> of(AlertAction action) {
        return action.kind() == AlertActionKind.RESOLVE
                ? Optional.of(new ManualResolve(action.alertId(), action.user(), action.actedAt().toEpochMilli()))
                : Optional.empty();
    }

    public String seriesKey() {
        return AlertIds.seriesKeyOf(alertId);
    }
}
