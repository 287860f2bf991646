package org.cityvitals.dashboard;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.auth.UserDirectory;
import org.cityvitals.dashboard.feed.AlertStore;
import org.cityvitals.dashboard.feed.FeedStatus;
import org.cityvitals.dashboard.feed.KafkaSignalVerticle;
import org.cityvitals.dashboard.feed.OpenAlertsCatchUpVerticle;
import org.cityvitals.dashboard.feed.SignalBus;
import org.cityvitals.dashboard.feed.SignalStore;
import org.cityvitals.dashboard.http.HttpServerVerticle;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.query.ScreenQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard server: REST and WebSocket in front of the Kafka signal topics, history from ClickHouse. Deploys
 * one verticle per concern — HTTP and the live view first, so that nothing the feeds publish is lost, then the
 * ClickHouse open-alert catch-up, then the Kafka consumer with its replay.
 */
public final class DashboardServer {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final Vertx vertx;
    private final HttpServerVerticle http;
    private final List<String> deployments;

    private DashboardServer(Vertx vertx, HttpServerVerticle http, List<String> deployments) {
        this.vertx = vertx;
        this.http = http;
        this.deployments = deployments;
    }

    /**
     * Starts the server on {@code vertx}. Fails (with a {@code PortInUseException} naming the port and
     * {@code --port} when the port is taken) without leaving anything deployed.
     */
    public static Future<DashboardServer> start(Vertx vertx, DashboardConfig config) {
        HttpServerVerticle http;
        OpenAlertsCatchUpVerticle openAlerts;
        KafkaSignalVerticle kafka;
        try {
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            FeedStatus status = new FeedStatus();
            ClickHouse clickHouse = new ClickHouse(config.clickHouseJdbcUrl());
            SignalStore store = new SignalStore(clickHouse, config.clickHouseDatabase());
            AlertStore alertStore = new AlertStore(clickHouse, config.clickHouseDatabase());
            Authenticator auth = new Authenticator(vertx, UserDirectory.load(config.usersFile()),
                    config.jwtSecret());
            http = new HttpServerVerticle(config.host(), config.port(), auth, store, alertStore,
                    CityProfiles.byId(config.cityProfileId()), IndicatorCatalogue.loadDefault(), status, meters,
                    new ScreenQueries(clickHouse, config.clickHouseDatabase()));
            openAlerts = new OpenAlertsCatchUpVerticle(alertStore, status);
            kafka = new KafkaSignalVerticle(config.kafkaBootstrap(), config.catchUp(), status, meters);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        SignalBus.registerCodecs(vertx);
        List<String> deployed = new ArrayList<>();
        return deployInOrder(vertx, deployed, http, openAlerts, kafka)
                .map(v -> {
                    LOG.info("dashboard on http://{}:{}/", config.host(), http.actualPort());
                    return new DashboardServer(vertx, http, deployed);
                })
                .recover(e -> undeploy(vertx, deployed).transform(ignored -> Future.failedFuture(e)));
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

    /** Stops consuming, closes the sockets and the HTTP server; the Vert.x instance stays the caller's. */
    public Future<Void> close() {
        return undeploy(vertx, deployments);
    }

    /** Runs the dashboard alone: {@code --kafka HOST:PORT --clickhouse JDBC-URL [--port 8080] …}. */
    public static void main(String[] args) throws Exception {
        DashboardConfig config;
        try {
            config = DashboardConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dashboard-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        try {
            DashboardServer server = DashboardServer.start(vertx, config).await(60, TimeUnit.SECONDS);
            System.out.println("CityVitals dashboard on http://" + config.host() + ":" + server.port() + "/");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close().await();
                vertx.close().await();
            }));
        } catch (Exception e) {
            System.err.println("dashboard-server: " + e.getMessage());
            vertx.close();
            System.exit(1);
        }
    }
}
