package org.cityvitals.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the dashboard server needs to start.
 *
 * @param host               address to bind; loopback by default so a demo is not exposed to the network
 * @param port               HTTP and WebSocket port; 0 picks a free one (tests)
 * @param kafkaBootstrap     Kafka bootstrap servers carrying {@code cv.indicators} and {@code cv.alerts}
 * @param clickHouseJdbcUrl  {@code jdbc:clickhouse://host:port/database} for history and catch-up
 * @param clickHouseDatabase the database holding the platform's tables
 * @param cityProfileId      which city profile's districts and boundaries to serve
 * @param usersFile          JSON user list; null for the demo users shipped in the jar
 * @param jwtSecret          HMAC secret signing login tokens; null for a random one (tokens die with the server)
 * @param catchUp            how far back to replay Kafka on start to rebuild the latest values
 */
public record DashboardConfig(String host, int port, String kafkaBootstrap, String clickHouseJdbcUrl,
                              String clickHouseDatabase, String cityProfileId, Path usersFile, String jwtSecret,
                              Duration catchUp) {

    public static final int DEFAULT_PORT = 8080;
    private static final Set<String> FLAGS = Set.of("--host", "--port", "--kafka", "--clickhouse",
            "--clickhouse-db", "--city", "--users", "--jwt-secret", "--catch-up-minutes");

    public DashboardConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(clickHouseJdbcUrl, "clickHouseJdbcUrl");
        Objects.requireNonNull(clickHouseDatabase, "clickHouseDatabase");
        Objects.requireNonNull(cityProfileId, "cityProfileId");
        Objects.requireNonNull(catchUp, "catchUp");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }

    /** Defaults for everything but the two services: loopback:8080, database cityvitals, Shanghai, demo users. */
    public static DashboardConfig of(String kafkaBootstrap, String clickHouseJdbcUrl) {
        return new DashboardConfig("127.0.0.1", DEFAULT_PORT, kafkaBootstrap, clickHouseJdbcUrl, "cityvitals",
                "shanghai", null, null, Duration.ofMinutes(15));
    }

    public DashboardConfig withPort(int newPort) {
        return new DashboardConfig(host, newPort, kafkaBootstrap, clickHouseJdbcUrl, clickHouseDatabase,
                cityProfileId, usersFile, jwtSecret, catchUp);
    }

    /**
     * Reads {@code --flag value} pairs; {@code --kafka} and {@code --clickhouse} are required.
     *
     * @throws IllegalArgumentException naming the unknown flag or the missing value
     */
    public static DashboardConfig fromArgs(String... args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!FLAGS.contains(args[i])) {
                throw new IllegalArgumentException("unknown flag " + args[i] + "; known: " + String.join(" ", FLAGS));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            flags.put(args[i], args[i + 1]);
        }
        String kafka = flags.get("--kafka");
        String clickHouse = flags.get("--clickhouse");
        if (kafka == null || clickHouse == null) {
            throw new IllegalArgumentException("--kafka HOST:PORT and --clickhouse JDBC-URL are required");
        }
        DashboardConfig d = of(kafka, clickHouse);
        return new DashboardConfig(flags.getOrDefault("--host", d.host()),
                number(flags, "--port", d.port()), kafka, clickHouse,
                flags.getOrDefault("--clickhouse-db", d.clickHouseDatabase()),
                flags.getOrDefault("--city", d.cityProfileId()),
                flags.containsKey("--users") ? Path.of(flags.get("--users")) : null,
                flags.get("--jwt-secret"),
                Duration.ofMinutes(number(flags, "--catch-up-minutes", (int) d.catchUp().toMinutes())));
    }

    private static int number(Map<String, String> flags, String flag, int fallback) {
        String value = flags.get(flag);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, was '" + value + "'");
        }
    }
}
