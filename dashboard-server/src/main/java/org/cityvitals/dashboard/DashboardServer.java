package org.cityvitals.dashboard;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.auth.LoginGuard;
import org.cityvitals.dashboard.auth.Accounts;
import org.cityvitals.dashboard.auth.UserDirectory;
import org.cityvitals.dashboard.backfill.BackfillRunner;
import org.cityvitals.dashboard.feed.AlertActionPublisher;
import org.cityvitals.dashboard.feed.FeedStatus;
import org.cityvitals.dashboard.feed.KafkaSignalVerticle;
import org.cityvitals.dashboard.feed.OpenAlertsCatchUpVerticle;
import org.cityvitals.dashboard.feed.SignalBus;
import org.cityvitals.dashboard.http.HttpServerVerticle;
import org.cityvitals.dashboard.situation.SituationSettings;
import org.cityvitals.dashboard.situation.SituationVerticle;
import org.cityvitals.dashboard.situation.Situations;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.query.AlertQueries;
import org.cityvitals.store.query.AuditLog;
import org.cityvitals.store.query.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The dashboard server: REST and WebSocket in front of the Kafka signal topics, history from ClickHouse. Deploys
 * one verticle per concern — HTTP and the live view first, so that nothing the feeds publish is lost, then the
 * ClickHouse open-alert catch-up, then the Kafka consumer with its replay.
 */
public final class DashboardServer {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final Vertx vertx;
    private final HttpServerVerticle http;
    private final AlertActionPublisher publisher;
    private final List<String> deployments;

    private DashboardServer(Vertx vertx, HttpServerVerticle http, AlertActionPublisher publisher,
                            List<String> deployments) {
        this.vertx = vertx;
        this.http = http;
        this.publisher = publisher;
        this.deployments = deployments;
    }

    /**
     * Starts the server on {@code vertx}. Fails (with a {@code PortInUseException} naming the port and
     * {@code --port} when the port is taken; without users when neither a users file nor the demo accounts are
     * configured) without leaving anything deployed.
     */
    public static Future<DashboardServer> start(Vertx vertx, DashboardConfig config) {
        return start(vertx, config, SituationSettings.defaults());
    }

    /** The same, with situations derived and escalated as {@code situations} says (roster, webhook, clock). */
    public static Future<DashboardServer> start(Vertx vertx, DashboardConfig config, SituationSettings situations) {
        return start(vertx, config, situations, null);
    }

    /** The same, with admins able to start backfills through {@code backfills} (null: the server has no runner). */
    public static Future<DashboardServer> start(Vertx vertx, DashboardConfig config, SituationSettings situations,
                                                BackfillRunner backfills) {
        HttpServerVerticle http;
        SituationVerticle situationVerticle;
        OpenAlertsCatchUpVerticle openAlerts;
        KafkaSignalVerticle kafka;
        AlertActionPublisher publisher;
        try {
            UserDirectory users = users(config);
            PrometheusMeterRegistry meters = DashboardMetrics.registry(vertx);
            FeedStatus status = new FeedStatus();
            ClickHouse clickHouse = new ClickHouse(config.clickHouseJdbcUrl());
            Authenticator auth = new Authenticator(vertx, users, secret(config), LoginGuard.standard());
            publisher = new AlertActionPublisher(config.kafkaBootstrap());
            IndicatorCatalogue catalogue = IndicatorCatalogue.loadDefault();
            // the users file's first admin (or the demo accounts) bootstrap the user store, the one place of users
            Accounts accounts = new Accounts(new UserAccounts(clickHouse, config.clickHouseDatabase()),
                    new AuditLog(clickHouse, config.clickHouseDatabase()), users);
            try {
                accounts.bootstrap();
            } catch (SQLException e) {
                LOG.warn("the user store cannot be read yet ({}): the start-up users serve until it can",
                        e.getMessage());
            }
            http = new HttpServerVerticle(config, auth, clickHouse, publisher, catalogue, status, meters, backfills,
                    accounts);
            situationVerticle = Situations.verticle(situations, catalogue, users, http.situations(), publisher,
                    clickHouse, config.clickHouseDatabase());
            openAlerts = new OpenAlertsCatchUpVerticle(new AlertQueries(clickHouse, config.clickHouseDatabase()),
                    status);
            kafka = new KafkaSignalVerticle(config.kafkaBootstrap(), config.catchUp(),
                    config.limits().alertLogSize(), status, meters);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        SignalBus.registerCodecs(vertx);
        List<String> deployed = new ArrayList<>();
        return deployInOrder(vertx, deployed, http, situationVerticle, openAlerts, kafka)
                .map(v -> {
                    LOG.info("dashboard on {}://{}:{}/", config.tls() == null ? "http" : "https", config.host(),
                            http.actualPort());
                    return new DashboardServer(vertx, http, publisher, deployed);
                })
                .recover(e -> undeploy(vertx, deployed).transform(ignored -> {
                    publisher.close();
                    return Future.failedFuture(e);
                }));
    }

    private static UserDirectory users(DashboardConfig config) {
        if (config.usersFile() != null) {
            return UserDirectory.load(config.usersFile());
        }
        if (!config.demoAccounts()) {
            throw new IllegalArgumentException("no users: give a users file (--users FILE), or --demo-accounts for a"
                    + " demo with the built-in accounts");
        }
        LOG.warn("DEMO ACCOUNTS ON: ops/ops, admin/admin, … can log in; never use --demo-accounts with real data");
        return UserDirectory.demo();
    }

    private static String secret(DashboardConfig config) {
        if (config.jwtSecret() != null) {
            return config.jwtSecret();
        }
        LOG.warn("no token secret configured: using a random one, so logins end with this process and other "
                + "instances refuse its tokens; set CITYVITALS_JWT_SECRET or --jwt-secret-file for more than one");
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Future<Void> deployInOrder(Vertx vertx, List<String> deployed, VerticleBase... verticles) {
        Future<Void> chain = Future.succeededFuture();
        for (VerticleBase verticle : verticles) {
            chain = chain.compose(v -> vertx.deployVerticle(verticle).map(id -> {
                deployed.add(id);
                return null;
            }));
        }
        return chain;
    }

    private static Future<Void> undeploy(Vertx vertx, List<String> deployed) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = deployed.size() - 1; i >= 0; i--) {
            String id = deployed.get(i);
            chain = chain.compose(v -> vertx.undeploy(id));
        }
        return chain;
    }

    /** The port the server listens on. */
    public int port() {
        return http.actualPort();
    }

    /** Whether the server accepts screens: its Kafka replay has caught up. */
    public boolean ready() {
        return http.hub().ready();
    }

    /** Stops consuming, closes the sockets and the HTTP server; the Vert.x instance stays the caller's. */
    public Future<Void> close() {
        return undeploy(vertx, deployments).andThen(v -> publisher.close());
    }
}
