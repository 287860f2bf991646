package org.cityvitals.dashboard;

import org.cityvitals.indicators.Fields;
import org.cityvitals.indicators.cli.Endpoints;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Everything the dashboard server needs to start; {@link DashboardCommand} builds it from flags.
 *
 * @param host               address to bind; loopback by default so a demo is not exposed to the network
 * @param port               HTTP and WebSocket port; 0 picks a free one (tests)
 * @param kafkaBootstrap     Kafka bootstrap servers carrying the platform's topics
 * @param clickHouseJdbcUrl  {@code jdbc:clickhouse://host:port/database} for history and catch-up
 * @param clickHouseDatabase the database holding the platform's tables
 * @param usersFile          the users file; null only with {@code demoAccounts}
 * @param demoAccounts       serve the demo accounts shipped in the jar (ops/ops …): for a demo only
 * @param jwtSecret          HMAC secret signing login tokens, shared by every instance behind one load balancer;
 *                           null for a random one (tokens die with the server and other instances refuse them)
 * @param catchUp            how far back to replay Kafka on start: rebuilds the latest values and the alert stream
 *                           that clients resume in
 * @param limits             caps on connections, sockets, idle time and queues
 * @param tls                the keystore to serve HTTPS and WSS from; null for plain HTTP
 * @param clock              what "today" is for the open-data feed's range of days (the system's UTC clock but in
 *                           a test that runs the guide's examples of a fixed day)
 */
public record DashboardConfig(String host, int port, String kafkaBootstrap, String clickHouseJdbcUrl,
                              String clickHouseDatabase, Path usersFile, boolean demoAccounts, String jwtSecret,
                              Duration catchUp, Limits limits, Tls tls, Clock clock) {

    public static final String DEFAULT_HOST = Endpoints.HOST;
    public static final int DEFAULT_PORT = Endpoints.DASHBOARD_PORT;

    /**
     * Caps that keep one client from taking the server: connections in total and per client address, WebSocket
     * sockets per user, seconds a connection may stay idle, alert-stream records kept for resumes, and records one
     * client may have queued before it is disconnected (it then resumes without loss).
     */
    public record Limits(int maxConnections, int maxConnectionsPerAddress, int maxSocketsPerUser, Duration idleTimeout,
                         int alertLogSize, int maxQueuedPerClient) {

        public static final Limits DEFAULT = new Limits(20_000, 200, 20, Duration.ofMinutes(5), 20_000, 5_000);

        public Limits {
            if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxSocketsPerUser < 1 || alertLogSize < 1
                    || maxQueuedPerClient < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("limits must be positive: " + this);
            }
        }

        /** These limits with other caps on sockets per user and connections per client address (benchmarks). */
        public Limits withSockets(int newMaxSocketsPerUser, int newMaxConnectionsPerAddress) {
            return new Limits(Math.max(maxConnections, newMaxConnectionsPerAddress), newMaxConnectionsPerAddress,
                    newMaxSocketsPerUser, idleTimeout, alertLogSize, maxQueuedPerClient);
        }

        /** These limits with another cap on a client's queued alert-stream records. */
        public Limits withQueue(int newMaxQueuedPerClient) {
            return new Limits(maxConnections, maxConnectionsPerAddress, maxSocketsPerUser, idleTimeout, alertLogSize,
                    newMaxQueuedPerClient);
        }
    }

    /** A PKCS#12 or JKS keystore holding the server's key and certificate, and its password. */
    public record Tls(Path keyStore, String password) {
        public Tls {
            Fields.required("keyStore", keyStore, "password", password);
        }
    }

    public DashboardConfig {
        Fields.required("host", host, "kafkaBootstrap", kafkaBootstrap, "clickHouseJdbcUrl", clickHouseJdbcUrl,
                "clickHouseDatabase", clickHouseDatabase, "catchUp", catchUp, "limits", limits, "clock", clock);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }

    /**
     * The demo's configuration: loopback:8080, database cityvitals, the demo accounts, a random token secret.
     * {@link #withUsers} turns the demo accounts off.
     */
    public static DashboardConfig of(String kafkaBootstrap, String clickHouseJdbcUrl) {
        return new DashboardConfig(DEFAULT_HOST, DEFAULT_PORT, kafkaBootstrap, clickHouseJdbcUrl, Endpoints.DATABASE,
                null, true, null, Duration.ofMinutes(15), Limits.DEFAULT, null, Clock.systemUTC());
    }

    public DashboardConfig withPort(int newPort) {
        return copy(draft -> draft.port = newPort);
    }

    /** The users in {@code file} and no demo accounts. */
    public DashboardConfig withUsers(Path file) {
        return copy(draft -> {
            draft.usersFile = file;
            draft.demoAccounts = false;
        });
    }

    public DashboardConfig withJwtSecret(String secret) {
        return copy(draft -> draft.jwtSecret = secret);
    }

    public DashboardConfig withLimits(Limits newLimits) {
        return copy(draft -> draft.limits = newLimits);
    }

    /** This configuration with the open-data feed's "today" read from {@code newClock}. */
    public DashboardConfig withClock(Clock newClock) {
        return copy(draft -> draft.clock = newClock);
    }

    public DashboardConfig withTls(Tls newTls) {
        return copy(draft -> draft.tls = newTls);
    }

    /** This configuration with what {@code change} sets; validated like any other. */
    private DashboardConfig copy(Consumer<Draft> change) {
        Draft draft = new Draft();
        change.accept(draft);
        return draft.build();
    }

    /** This configuration's components, open to change while a copy is made: one list for every with… method. */
    private final class Draft {
        String host = host();
        int port = port();
        String kafkaBootstrap = kafkaBootstrap();
        String clickHouseJdbcUrl = clickHouseJdbcUrl();
        String clickHouseDatabase = clickHouseDatabase();
        Path usersFile = usersFile();
        boolean demoAccounts = demoAccounts();
        String jwtSecret = jwtSecret();
        Duration catchUp = catchUp();
        Limits limits = limits();
        Tls tls = tls();
        Clock clock = clock();

        DashboardConfig build() {
            return new DashboardConfig(host, port, kafkaBootstrap, clickHouseJdbcUrl, clickHouseDatabase, usersFile,
                    demoAccounts, jwtSecret, catchUp, limits, tls, clock);
        }
    }
}
