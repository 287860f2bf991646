package org.cityvitals.indicators.signal;

/** What happened to an alert. */
public enum AlertKind {
    OPENED, LEVEL_CHANGED, RESOLVED
}
