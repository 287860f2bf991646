package org.cityvitals.jobs.window;

import org.cityvitals.indicators.signal.SeriesKey;

/** A valid reading of a metric whose indicator has an instant rule, on its way to that series' alert engine. */
public record InstantReading(String indicatorId, String district, double value, long timestamp) {

    public String seriesKey() {
        return SeriesKey.of(indicatorId, district);
    }
}
