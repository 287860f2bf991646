package org.cityvitals.jobs.incident;

import org.cityvitals.indicators.signal.SeriesKey;

/**
 * What one case means for one backlog series (indicator, district): reported at {@code reportedAt} and, unless
 * {@code resolvedAt} is {@link CaseSpan#OPEN}, resolved then. A change without an {@code incidentId} is a presence:
 * it makes the series exist, so a district without any case reads 0.
 */
public record BacklogChange(String indicatorId, String district, String incidentId, long reportedAt,
                            long resolvedAt) {

    public String seriesKey() {
        return SeriesKey.of(indicatorId, district);
    }

    boolean presence() {
        return incidentId == null;
    }

    /** When this change takes effect: the report of an open case, the resolution of a closed one. */
    long changedAt() {
        return resolvedAt == CaseSpan.OPEN ? reportedAt : resolvedAt;
    }
}
