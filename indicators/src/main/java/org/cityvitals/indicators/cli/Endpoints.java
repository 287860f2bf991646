package org.cityvitals.indicators.cli;

/** Where the platform's services are unless a flag says otherwise: the local demo stack. Defined here only. */
public final class Endpoints {
    public static final String KAFKA = "127.0.0.1:9092";
    public static final String CLICKHOUSE = "jdbc:clickhouse://127.0.0.1:8123/default";
    public static final String DATABASE = "cityvitals";

    private Endpoints() {
    }
}
