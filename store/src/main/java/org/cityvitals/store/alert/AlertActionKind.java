package org.cityvitals.store.alert;

import java.util.Locale;

/** What a person did with an alert; stored by lower-case name ({@code "acknowledge"}). */
public enum AlertActionKind {
    ACKNOWLEDGE, ASSIGN, COMMENT, SILENCE, ESCALATE;

    public String storedName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
