package org.cityvitals.indicators.level;

/**
 * Whether rising values (PM2.5, backlog) or falling values (road speed, water pressure) are the bad sign. EITHER is for
 * a series without levels watched only for anomalies (a generic time series), where both a rise and a fall are news.
 */
public enum Direction {
    HIGHER_IS_WORSE,
    LOWER_IS_WORSE,
    EITHER
}
