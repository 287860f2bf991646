package org.cityvitals.indicators.event;

/** How far a reading can be trusted; JSON names are the lower-case constant names ({@code "good"}). */
public enum Quality {
    GOOD, SUSPECT, BAD;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
