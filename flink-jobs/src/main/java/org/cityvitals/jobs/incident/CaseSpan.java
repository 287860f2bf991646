package org.cityvitals.jobs.incident;

import org.cityvitals.indicators.event.Incident;

/**
 * One case as the backlog sees it: its district, category and channel (for the catalogue's filters) and when it was
 * reported and resolved ({@link #OPEN} while open).
 */
public record CaseSpan(Incident incident, long reportedAt, long resolvedAt) {

    public static final long OPEN = Long.MAX_VALUE;

    static CaseSpan of(Incident incident, long resolvedAt) {
        return new CaseSpan(incident, incident.reportedAt().toEpochMilli(), resolvedAt);
    }

    boolean openAt(long t) {
        return reportedAt < t && resolvedAt >= t;
    }
}
