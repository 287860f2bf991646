package org.cityvitals.indicators.event;

import org.cityvitals.indicators.WireNames;

/** How far a reading can be trusted; JSON names are the lower-case constant names ({@code "good"}). */
public enum Quality {
    GOOD, SUSPECT, BAD;

    private final String jsonName = WireNames.of(this); // once: every encoded reading asks for it

    public String jsonName() {
        return jsonName;
    }
}
