package org.cityvitals.indicators.signal;

import java.time.Instant;

/**
 * The alert id convention: {@code rule:indicator:area:since} ({@code since} in epoch seconds), with a {@code .n}
 * suffix when an episode opens again with the same start. The id names the series it belongs to, so whoever holds
 * an alert action (the job, when a person resolves an alert by hand) can find the series without a lookup.
 */
public final class AlertIds {

    private static final char SEPARATOR = ':';

    private AlertIds() {}

    public static String of(String rule, String indicatorId, String area, Instant since) {
        return rule + SEPARATOR + indicatorId + SEPARATOR + area + SEPARATOR + since.getEpochSecond();
    }

    public static String ruleOf(String alertId) {
        return part(alertId, 0);
    }

    /** The {@link SeriesKey} of the series the alert belongs to. */
    public static String seriesKeyOf(String alertId) {
        return SeriesKey.of(part(alertId, 1), part(alertId, 2));
    }

    private static String part(String alertId, int index) {
        String[] parts = alertId.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an alert id (rule:indicator:area:since): " + alertId);
        }
        return parts[index];
    }
}
