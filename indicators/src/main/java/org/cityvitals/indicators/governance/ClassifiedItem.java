package org.cityvitals.indicators.governance;

import org.cityvitals.indicators.access.Clearance;

/**
 * One classified thing of the data standard: its class (a {@link Clearance} value: the lowest clearance that may
 * see it) and the id of its {@link Owner}.
 */
public record ClassifiedItem(ItemKind kind, String id, Clearance dataClass, String owner) {}
