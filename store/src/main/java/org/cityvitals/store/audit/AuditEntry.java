package org.cityvitals.store.audit;

import org.cityvitals.indicators.Fields;

import java.time.Instant;

/**
 * One entry of the audit log: at {@code at}, {@code actor} (a user name, or {@code cli:<os user>} for the command
 * line) did {@code action} (e.g. {@code read_sensitive}, {@code catalogue_loaded}, {@code user_changed}) on
 * {@code target}; {@code detail} says what, without the personal information itself.
 */
public record AuditEntry(Instant at, String actor, String action, String target, String detail) {

    public AuditEntry {
        Fields.required("at", at, "actor", actor, "action", action);
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }
}
