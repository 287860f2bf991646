package org.cityvitals.indicators.catalogue;

import java.util.Set;

/**
 * While a situation of the {@code source} hazard has an open alert in a district, alerts of the {@code targets}
 * indicators in that district are explained by it (pumps without power lose pressure): they are shown as suppressed
 * members of that situation, not as new alarms, and stay out of the alarm flood. {@code reason} says why, in English.
 */
public record Inhibition(String source, Set<String> targets, String reason) {

    public Inhibition {
        targets = Set.copyOf(targets);
    }
}
