package org.cityvitals.jobs.window;

import org.cityvitals.indicators.catalogue.Aggregation;

/**
 * One reading's contribution to one indicator series: the series key is (indicator, district), where district may
 * be {@code city} for the city-wide aggregate. {@code withinRange} is precomputed for RATIO indicators.
 */
public record Sample(String indicatorId, String district, Aggregation aggregation, double value, boolean withinRange,
                     String sensorId, long timestamp) {

    public String seriesKey() {
        return seriesKey(indicatorId, district);
    }

    public static String seriesKey(String indicatorId, String district) {
        return indicatorId + "|" + district;
    }

    public static String indicatorOf(String seriesKey) {
        return seriesKey.substring(0, seriesKey.indexOf('|'));
    }

    public static String districtOf(String seriesKey) {
        return seriesKey.substring(seriesKey.indexOf('|') + 1);
    }
}
