package org.cityvitals.store.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a person did with an alert. {@code actionId} is chosen once per action by whoever records it, so a
 * retried write stays one row. {@code assignee} names who an assigned or escalated alert goes to (null otherwise);
 * {@code silencedUntil} is set for silences only; {@code note} may be null.
 */
public record AlertAction(String actionId, String alertId, String district, AlertActionKind kind, String user,
                          String assignee, Instant silencedUntil, String note, Instant actedAt) {

    public AlertAction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actedAt, "actedAt");
        if ((kind == AlertActionKind.SILENCE) != (silencedUntil != null)) {
            throw new IllegalArgumentException("silencedUntil must be set for a silence and only for a silence");
        }
        if ((kind == AlertActionKind.ASSIGN || kind == AlertActionKind.ESCALATE) && assignee == null) {
            throw new IllegalArgumentException(kind.storedName() + " needs an assignee");
        }
    }
}
