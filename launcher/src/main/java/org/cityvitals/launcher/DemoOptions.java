package org.cityvitals.launcher;

import org.cityvitals.indicators.cli.Endpoints;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Flags of {@code cityvitals demo}. With {@code --kafka} or {@code --clickhouse} the demo uses those services
 * instead of starting its own; every port it would open has a flag, named in the error when the port is taken.
 */
final class DemoOptions {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "dashboard HTTP/WebSocket port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--gateway-port", paramLabel = "N", defaultValue = "8081",
            description = "HTTP ingest gateway port (default: ${DEFAULT-VALUE})")
    private int gatewayPort;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "use this Kafka instead of starting one")
    private String kafka;

    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "9092",
            description = "port of the demo's own broker (default: ${DEFAULT-VALUE})")
    private int kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "N", defaultValue = "9093",
            description = "its KRaft controller port (default: ${DEFAULT-VALUE})")
    private int kafkaControllerPort;

    @Option(names = "--clickhouse", paramLabel = "JDBC-URL",
            description = "use this ClickHouse instead of starting one (e.g. " + Endpoints.CLICKHOUSE + ")")
    private String clickHouse;

    @Option(names = "--clickhouse-port", paramLabel = "N", defaultValue = "8123",
            description = "HTTP port of the demo's own ClickHouse (default: ${DEFAULT-VALUE})")
    private int clickHousePort;

    @Option(names = "--clickhouse-native-port", paramLabel = "N", defaultValue = "9000",
            description = "its native TCP port, for clickhouse-client (default: ${DEFAULT-VALUE})")
    private int clickHouseNativePort;

    @Mixin
    private StateOption state;

    @Option(names = "--city", paramLabel = "ID", defaultValue = "shanghai",
            description = "the city profile the simulator feeds, e.g. beijing (default: ${DEFAULT-VALUE}); every "
                    + "city is a tenant: its own series, health, map and users")
    private String cityId;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "400",
            description = "simulated events per second (default: ${DEFAULT-VALUE})")
    private double eventsPerSecond;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261126",
            description = "simulator seed (default: ${DEFAULT-VALUE})")
    private long seed;

    int port() {
        return port;
    }

    /** The simulated city; an unknown id fails with the known ones. */
    CityProfile city() {
        return CityProfiles.byId(cityId);
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

    double eventsPerSecond() {
        return eventsPerSecond;
    }

    long seed() {
        return seed;
    }

    boolean ownKafka() {
        return kafka == null;
    }

    boolean ownClickHouse() {
        return clickHouse == null;
    }

    /** Refuses what picocli's types cannot: ports out of range and a negative rate. */
    void validate() {
        for (int p : new int[] {port, gatewayPort, kafkaPort, kafkaControllerPort, clickHousePort,
                clickHouseNativePort}) {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("a port must be 1..65535, got " + p);
            }
        }
        if (!(eventsPerSecond > 0) || !Double.isFinite(eventsPerSecond)) {
            throw new IllegalArgumentException("--rate needs a positive number, got " + eventsPerSecond);
        }
        city();
    }
}
