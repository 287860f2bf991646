package org.cityvitals.launcher;

import org.cityvitals.indicators.cli.Endpoints;
import org.cityvitals.ingest.sim.SimulatorConfig;
import org.cityvitals.ingest.sim.SimulatorOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Flags of {@code cityvitals demo}. With {@code --kafka} or {@code --clickhouse} the demo uses those services
 * instead of starting its own; every port it would open has a flag, named in the error when the port is taken.
 */
final class DemoOptions {

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + Endpoints.DASHBOARD_PORT,
            description = "dashboard HTTP/WebSocket port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--gateway-port", paramLabel = "N", defaultValue = "" + Endpoints.GATEWAY_PORT,
            description = "HTTP ingest gateway port (default: ${DEFAULT-VALUE})")
    private int gatewayPort;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "use this Kafka instead of starting one")
    private String kafka;

    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "" + Endpoints.KAFKA_PORT,
            description = "port of the demo's own broker (default: ${DEFAULT-VALUE})")
    private int kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "N", defaultValue = "9093",
            description = "its KRaft controller port (default: ${DEFAULT-VALUE})")
    private int kafkaControllerPort;

    @Option(names = "--clickhouse", paramLabel = "JDBC-URL",
            description = "use this ClickHouse instead of starting one (e.g. " + Endpoints.CLICKHOUSE + ")")
    private String clickHouse;

    @Option(names = "--clickhouse-port", paramLabel = "N", defaultValue = "" + Endpoints.CLICKHOUSE_PORT,
            description = "HTTP port of the demo's own ClickHouse (default: ${DEFAULT-VALUE})")
    private int clickHousePort;

    @Option(names = "--clickhouse-native-port", paramLabel = "N", defaultValue = "9000",
            description = "its native TCP port, for clickhouse-client (default: ${DEFAULT-VALUE})")
    private int clickHouseNativePort;

    @Mixin
    private StateOption state;

    @Mixin
    private SimulatorOptions simulator;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "the only directory whose files admins may backfill over HTTP (default: ${DEFAULT-VALUE})")
    private Path dataDir;

    Path dataDir() {
        return dataDir;
    }

    int port() {
        return port;
    }

    int gatewayPort() {
        return gatewayPort;
    }

    String kafka() {
        return kafka;
    }

    int kafkaPort() {
        return kafkaPort;
    }

    int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    String clickHouse() {
        return clickHouse;
    }

    int clickHousePort() {
        return clickHousePort;
    }

    int clickHouseNativePort() {
        return clickHouseNativePort;
    }

    Path stateDir() {
        return state.dir();
    }

    /** The simulator the demo runs; an unknown city or a bad rate fails naming the flag. */
    SimulatorConfig simulator() {
        return simulator.realTime();
    }

    boolean ownKafka() {
        return kafka == null;
    }

    boolean ownClickHouse() {
        return clickHouse == null;
    }

    /** Refuses what picocli's types cannot: ports out of range, a bad rate, an unknown city. */
    void validate() {
        for (int p : new int[] {port, gatewayPort, kafkaPort, kafkaControllerPort, clickHousePort,
                clickHouseNativePort}) {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("a port must be 1..65535, got " + p);
            }
        }
        simulator();
    }
}
