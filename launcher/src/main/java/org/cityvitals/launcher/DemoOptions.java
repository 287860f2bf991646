package org.cityvitals.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags of {@code ./cityvitals demo}. With {@code --kafka} or {@code --clickhouse} the demo uses those services
 * instead of starting its own; every port it would open has a flag, named in the error when the port is taken.
 */
record DemoOptions(int port, int gatewayPort, String kafka, int kafkaPort, int kafkaControllerPort,
                   String clickHouse, int clickHousePort, int clickHouseNativePort, Path stateDir,
                   double eventsPerSecond, long seed) {

    static final String USAGE = String.join("\n",
            "usage: ./cityvitals demo [flags]",
            "  --port N                    dashboard HTTP/WebSocket port (8080)",
            "  --gateway-port N            HTTP ingest gateway port (8081)",
            "  --kafka HOST:PORT           use this Kafka instead of starting one",
            "  --kafka-port N              port of the demo's own broker (9092)",
            "  --kafka-controller-port N   its KRaft controller port (9093)",
            "  --clickhouse JDBC-URL       use this ClickHouse instead of starting one",
            "  --clickhouse-port N         HTTP port of the demo's own ClickHouse (8123)",
            "  --clickhouse-native-port N  its native TCP port, for clickhouse-client (9000)",
            "  --state DIR                 where the demo keeps its data and logs (.state)",
            "  --rate N                    simulated events per second (400)",
            "  --seed N                    simulator seed (20261126)");

    private static final List<String> FLAGS = List.of("--port", "--gateway-port", "--kafka", "--kafka-port",
            "--kafka-controller-port", "--clickhouse", "--clickhouse-port", "--clickhouse-native-port", "--state",
            "--rate", "--seed");

    static DemoOptions parse(List<String> args) {
        Map<String, String> f = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
            }
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
            }
            f.put(flag, args.get(++i));
        }
        return new DemoOptions(
                port(f, "--port", 8080), port(f, "--gateway-port", 8081),
                f.get("--kafka"), port(f, "--kafka-port", 9092), port(f, "--kafka-controller-port", 9093),
                f.get("--clickhouse"), port(f, "--clickhouse-port", 8123), port(f, "--clickhouse-native-port", 9000),
                Path.of(f.getOrDefault("--state", ".state")).toAbsolutePath(),
                number(f, "--rate", 400), (long) number(f, "--seed", 20261126));
    }

    boolean ownKafka() {
        return kafka == null;
    }

    boolean ownClickHouse() {
        return clickHouse == null;
    }

    private static int port(Map<String, String> f, String flag, int dflt) {
        int p = (int) number(f, flag, dflt);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException(flag + " must be a port number 1..65535, got " + f.get(flag));
        }
        return p;
    }

    private static double number(Map<String, String> f, String flag, double dflt) {
        String v = f.get(flag);
        if (v == null) {
            return dflt;
        }
        try {
            double n = Double.parseDouble(v);
            if (n >= 0 && Double.isFinite(n)) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a non-negative number, got '" + v + "'");
    }
}
