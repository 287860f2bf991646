package org.cityvitals.indicators.cli;

/**
 * Where the platform's services are unless a flag says otherwise: the local demo stack. Defined here only: the demo
 * opens its services on these ports, and every other command finds them there by default.
 */
public final class Endpoints {
    public static final String HOST = "127.0.0.1";
    public static final int KAFKA_PORT = 9092;
    public static final int CLICKHOUSE_PORT = 8123;
    public static final int DASHBOARD_PORT = 8080;
    public static final int GATEWAY_PORT = 8081;

    public static final String KAFKA = HOST + ":" + KAFKA_PORT;
    public static final String CLICKHOUSE = "jdbc:clickhouse://" + HOST + ":" + CLICKHOUSE_PORT + "/default";
    public static final String GATEWAY = "http://" + HOST + ":" + GATEWAY_PORT;
    public static final String DATABASE = "cityvitals";

    private Endpoints() {
    }
}
