package org.cityvitals.indicators.governance;

/**
 * What detail a column carries beyond its table's. Detail about a person — where they were, who called, what they
 * wrote — is personal information and must be classed sensitive; the position of a fixed sensor is not.
 */
public enum Carries {
    PERSONAL_LOCATION, CALLER, FREE_TEXT, SITE_LOCATION;

    /** Whether the detail is about a person, which makes the column sensitive whatever its table's class. */
    public boolean personal() {
        return this != SITE_LOCATION;
    }
}
