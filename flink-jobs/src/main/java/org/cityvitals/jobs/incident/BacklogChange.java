package org.cityvitals.jobs.incident;

import org.cityvitals.jobs.window.Sample;

/**
 * What one incident event says about one backlog series (indicator, district): the case was reported at
 * {@code reportedAt} and, if {@code resolvedAt} is not {@link Long#MAX_VALUE}, resolved then.
 */
public record BacklogChange(String indicatorId, String district, String incidentId, long reportedAt,
                            long resolvedAt) {

    public static final long OPEN = Long.MAX_VALUE;

    public String seriesKey() {
        return Sample.seriesKey(indicatorId, district);
    }
}
