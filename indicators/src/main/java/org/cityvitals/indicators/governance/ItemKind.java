package org.cityvitals.indicators.governance;

/** The kinds of things the data standard classifies, in lineage order: source → metric → indicator → table. */
public enum ItemKind {
    /** A sensor network or an incident channel the platform ingests. */
    SOURCE,
    /** A quantity sensors report (catalogue/metrics.yaml). */
    METRIC,
    /** A catalogue indicator (catalogue/indicators.yaml). */
    INDICATOR,
    /** Something derived from many indicators (health scores, alerts). */
    DATASET,
    /** A ClickHouse table of store's migrations. */
    TABLE
}
