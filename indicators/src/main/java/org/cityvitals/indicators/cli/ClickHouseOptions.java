package org.cityvitals.indicators.cli;

import picocli.CommandLine.Option;

/** {@code --clickhouse} and {@code --database}, the same on every command that talks to ClickHouse. */
public final class ClickHouseOptions {
    @Option(names = "--clickhouse", paramLabel = "JDBC-URL", defaultValue = Endpoints.CLICKHOUSE,
            description = "ClickHouse server (default: ${DEFAULT-VALUE})")
    private String url;

    @Option(names = "--database", paramLabel = "NAME", defaultValue = Endpoints.DATABASE,
            description = "ClickHouse database of the platform's tables (default: ${DEFAULT-VALUE})")
    private String database;

    public String url() {
        return url;
    }

    public String database() {
        return database;
    }
}
