package org.cityvitals.indicators.catalogue;

/**
 * What an incident indicator measures. BACKLOG is the number of cases open (reported, not resolved) at the end of
 * the window; NEW_PER_HOUR the cases reported in the window, scaled to one hour; TIME_TO_DISPATCH and
 * TIME_TO_RESOLVE the minutes from report to dispatch / resolution of the cases dispatched / resolved in the window.
 */
public enum IncidentMeasure {
    BACKLOG, NEW_PER_HOUR, TIME_TO_DISPATCH, TIME_TO_RESOLVE;

    public boolean isDuration() {
        return this == TIME_TO_DISPATCH || this == TIME_TO_RESOLVE;
    }
}
