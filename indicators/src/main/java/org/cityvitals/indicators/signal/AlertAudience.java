package org.cityvitals.indicators.signal;

/**
 * Who an alert is for. {@code PLATFORM} alarms (data quality, stalled feeds) are shown to platform staff only and
 * never count in a district's or the city's health or alarm flood; {@code OPERATIONS} alerts are the city's.
 */
public enum AlertAudience {
    OPERATIONS, PLATFORM
}
