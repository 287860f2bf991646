package org.cityvitals.indicators.level;

/** Whether rising values (PM2.5, backlog) or falling values (road speed, water pressure) are the bad sign. */
public enum Direction {
    HIGHER_IS_WORSE,
    LOWER_IS_WORSE
}
