package org.cityvitals.indicators.governance;

import org.cityvitals.indicators.access.Clearance;

/**
 * One classified thing of the data standard: its class (a {@link Clearance} value: the lowest clearance that may
 * see it), the id of its {@link Owner}, and for sources and datasets, which no other file names, its names (null for
 * metrics, indicators and tables, named where they are defined).
 */
public record ClassifiedItem(ItemKind kind, String id, Clearance dataClass, String owner, String nameZh,
                             String nameEn) {}
