package org.cityvitals.store.alert;

import org.cityvitals.indicators.WireNames;

/** What a person did with an alert; stored by lower-case name ({@code "acknowledge"}). */
public enum AlertActionKind {
    ACKNOWLEDGE, ASSIGN, COMMENT, SILENCE, ESCALATE;

    public String storedName() {
        return WireNames.of(this);
    }
}
