package org.cityvitals.indicators.signal;

import org.cityvitals.indicators.Fields;
import org.cityvitals.indicators.WireNames;

import java.time.Instant;

/**
 * One thing a person did with an alert, as it travels on {@code cv.alert-actions}, in WebSocket frames and REST
 * answers (SignalCodec). {@code actionId} is chosen once per action by whoever records it, so a retried write stays
 * one row and a replayed record is recognised. {@code assignee} names who an assigned or escalated alert goes to
 * (null otherwise); {@code silencedUntil} is set for silences only; {@code note} may be null; {@code cause} is the
 * cause a person gave when resolving a situation (a cause id of the situation rules), null otherwise.
 */
public record AlertAction(String actionId, String alertId, String district, AlertActionKind kind, String user,
                          String assignee, Instant silencedUntil, String note, Instant actedAt, String cause) {

    /** An action that gives no cause: everything but the resolution of a situation. */
    public AlertAction(String actionId, String alertId, String district, AlertActionKind kind, String user,
                       String assignee, Instant silencedUntil, String note, Instant actedAt) {
        this(actionId, alertId, district, kind, user, assignee, silencedUntil, note, actedAt, null);
    }

    public AlertAction {
        Fields.required("actionId", actionId, "alertId", alertId, "district", district, "kind", kind, "user", user,
                "actedAt", actedAt);
        if ((kind == AlertActionKind.SILENCE) != (silencedUntil != null)) {
            throw new IllegalArgumentException("silencedUntil must be set for a silence and only for a silence");
        }
        if (cause != null && kind != AlertActionKind.RESOLVE) {
            throw new IllegalArgumentException("only a resolution gives a cause, not " + WireNames.of(kind));
        }
        if ((kind == AlertActionKind.ASSIGN || kind == AlertActionKind.ESCALATE) && assignee == null) {
            throw new IllegalArgumentException(WireNames.of(kind) + " needs an assignee");
        }
    }
}
