package org.cityvitals.indicators;

/**
 * The version of the data standard every payload and stored row is written under: Kafka records carry it in the
 * {@value #HEADER} header, ClickHouse rows in their {@code schema_version} column, and the store's latest migration
 * has the same number. A change that breaks stored data or job state raises it and comes with its migration.
 */
public final class SchemaVersion {
    public static final int CURRENT = 6;
    public static final String HEADER = "cv-schema";

    private SchemaVersion() {
    }
}
