package org.cityvitals.indicators.signal;

/**
 * Who an alert is for. OPERATIONS alerts are about the city (a district's air, traffic, water …) and go to the
 * operations centre and the district's dispatchers. PLATFORM alarms are about the platform itself (data quality, a
 * stalled feed, the history store falling behind): shown to platform staff only, never counted in a district's or the
 * city's health score and never in an alarm flood.
 */
public enum AlertAudience {
    OPERATIONS, PLATFORM
}
