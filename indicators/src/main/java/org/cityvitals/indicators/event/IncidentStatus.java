package org.cityvitals.indicators.event;

import org.cityvitals.indicators.WireNames;

/** Lifecycle of an incident; JSON names are the lower-case constant names ({@code "dispatched"}). */
public enum IncidentStatus {
    REPORTED, DISPATCHED, RESOLVED;

    public String jsonName() {
        return WireNames.of(this);
    }
}
