package org.cityvitals.indicators.signal;

/**
 * The key of one series, an indicator in one area: {@code air.pm25|310101}. Used for Kafka record keys, Flink keys,
 * the live view and the page, which reads the separator from the server's reference data; defined here only.
 */
public final class SeriesKey {

    public static final char SEPARATOR = '|';

    private SeriesKey() {
    }

    public static String of(String indicatorId, String area) {
        return indicatorId + SEPARATOR + area;
    }

    public static String indicatorOf(String seriesKey) {
        return seriesKey.substring(0, seriesKey.indexOf(SEPARATOR));
    }

    public static String areaOf(String seriesKey) {
        return seriesKey.substring(seriesKey.indexOf(SEPARATOR) + 1);
    }
}
