package org.cityvitals.indicators.event;

import java.util.Locale;

/** How far a reading can be trusted; JSON names are the lower-case constant names ({@code "good"}). */
public enum Quality {
    GOOD, SUSPECT, BAD;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
