package org.cityvitals.dashboard.http;

import io.vertx.core.json.JsonObject;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.PermissionTable;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The body of {@code POST /api/alerts/{alertId}/actions}, checked field by field so that a bad request is answered
 * with what is wrong rather than a failed insert: {@code {"action": "acknowledge"|"assign"|"comment"|"silence"|
 * "escalate"|"resolve", "note": "…", "assignee": "…", "silencedUntil": "2024-05-01T08:00:00Z"}}. The OpenAPI
 * description checks the shape first; these are the rules between fields it cannot express.
 */
record AlertActionRequest(AlertActionKind kind, String note, String assignee, Instant silencedUntil) {

    static final int MAX_TEXT = 1000;
    private static final String KINDS = Arrays.stream(AlertActionKind.values()).map(WireNames::of)
            .collect(Collectors.joining(", "));

    /** @throws IllegalArgumentException naming the field and why it is refused */
    static AlertActionRequest parse(JsonObject body, Instant now) {
        if (body == null) {
            throw new IllegalArgumentException("send a JSON object such as {\"action\": \"acknowledge\"}");
        }
        AlertActionKind kind = kind(text(body, "action"));
        String note = text(body, "note");
        String assignee = text(body, "assignee");
        boolean needsAssignee = kind == AlertActionKind.ASSIGN || kind == AlertActionKind.ESCALATE;
        if (needsAssignee != (assignee != null)) {
            throw new IllegalArgumentException(needsAssignee ? WireNames.of(kind) + " needs an assignee"
                    : "assignee is only for assign and escalate, not " + WireNames.of(kind));
        }
        if (kind == AlertActionKind.COMMENT && note == null) {
            throw new IllegalArgumentException("comment needs a note");
        }
        return new AlertActionRequest(kind, note, assignee, silencedUntil(body, kind, now));
    }

    /** How long the silence lasts from {@code now}; zero for other actions. */
    Duration silence(Instant now) {
        return silencedUntil == null ? Duration.ZERO : Duration.between(now, silencedUntil);
    }

    /** The action this request records, by {@code user}, now (whole seconds, as ClickHouse keeps it). */
    AlertAction toAction(String alertId, String district, String user, Instant now) {
        return new AlertAction(UUID.randomUUID().toString(), alertId, district, kind, user, assignee, silencedUntil,
                note, now.truncatedTo(ChronoUnit.SECONDS));
    }

    private static AlertActionKind kind(String action) {
        if (action == null) {
            throw new IllegalArgumentException("action is required: one of " + KINDS);
        }
        try {
            return WireNames.parse(AlertActionKind.class, action);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("action must be one of " + KINDS + ", was '" + action + "'", e);
        }
    }

    private static Instant silencedUntil(JsonObject body, AlertActionKind kind, Instant now) {
        String value = text(body, "silencedUntil");
        if ((kind == AlertActionKind.SILENCE) != (value != null)) {
            throw new IllegalArgumentException(kind == AlertActionKind.SILENCE
                    ? "silence needs silencedUntil, an ISO-8601 instant such as 2024-05-01T08:00:00Z"
                    : "silencedUntil is only for silence, not " + WireNames.of(kind));
        }
        if (value == null) {
            return null;
        }
        Instant until;
        try {
            until = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("silencedUntil must be an ISO-8601 instant such as "
                    + "2024-05-01T08:00:00Z, was '" + value + "'", e);
        }
        if (!until.isAfter(now) || until.isAfter(now.plus(PermissionTable.LONGEST_SILENCE))) {
            throw new IllegalArgumentException("silencedUntil must be in the future and at most "
                    + PermissionTable.LONGEST_SILENCE.toDays() + " days ahead, was " + value);
        }
        return until;
    }

    /** A trimmed text field, null when absent or blank. */
    private static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(field + " must be a string, was " + value);
        }
        if (s.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT + " characters");
        }
        return s.isBlank() ? null : s.strip();
    }
}
