package org.cityvitals.jobs.incident;

import org.cityvitals.jobs.window.Sample;

/** One incident opening or closing in one backlog series (indicator, district). */
public record BacklogChange(String indicatorId, String district, String incidentId, boolean open, long timestamp) {

    public String seriesKey() {
        return Sample.seriesKey(indicatorId, district);
    }
}
