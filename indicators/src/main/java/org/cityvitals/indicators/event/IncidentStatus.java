package org.cityvitals.indicators.event;

import java.util.Locale;

/** Lifecycle of an incident; JSON names are the lower-case constant names ({@code "dispatched"}). */
public enum IncidentStatus {
    REPORTED, DISPATCHED, RESOLVED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
