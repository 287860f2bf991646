package org.cityvitals.dashboard.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyStoreOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import org.cityvitals.dashboard.DashboardConfig;
import org.cityvitals.dashboard.auth.Accounts;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.backfill.BackfillRunner;
import org.cityvitals.dashboard.feed.AlertActionPublisher;
import org.cityvitals.dashboard.feed.FeedStatus;
import org.cityvitals.dashboard.live.ChangedAlert;
import org.cityvitals.dashboard.live.HubSettings;
import org.cityvitals.dashboard.live.LiveHub;
import org.cityvitals.dashboard.live.PushMeters;
import org.cityvitals.dashboard.open.OpenCatalogue;
import org.cityvitals.dashboard.situation.Maintenance;
import org.cityvitals.dashboard.situation.SituationStores;
import org.cityvitals.dashboard.situation.SituationView;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.MetadataCatalogue;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.query.AlertQueries;
import org.cityvitals.store.query.AuditLog;
import org.cityvitals.store.query.ReportQueries;
import org.cityvitals.store.query.CatalogueQueries;
import org.cityvitals.store.query.HandoverNotes;
import org.cityvitals.store.query.HistoryQueries;
import org.cityvitals.store.query.OpenDataQueries;
import org.cityvitals.store.query.ScreenQueries;

import java.net.BindException;
import java.util.concurrent.TimeUnit;

/**
 * Serves the pages ({@code webroot/}, with ECharts under {@code vendor/}), the REST API as its OpenAPI description says (requests
 * are validated against it), {@code /ws}, {@code /metrics}, {@code /health}, {@code /ready} and the description
 * itself. The live view lives on this verticle's event loop, so REST answers and WebSocket pushes read the same
 * state without locks. Undeploying closes the server, its sockets, timers and event-bus consumers.
 */
public final class HttpServerVerticle extends VerticleBase {

    /** The OpenAPI description on the classpath; served at {@code /openapi.yaml}. */
    public static final String CONTRACT = "openapi/dashboard.yaml";
    private static final int BODY_LIMIT = 16 * 1024;
    /** The worker pool of the staff's ClickHouse reads and Kafka sends. */
    public static final String STORE_POOL = "cityvitals-store";
    public static final int STORE_WORKERS = 4;
    /** The public feed's own pool: the public can never queue ahead of a dispatcher's history (docs/GOVERNANCE.md). */
    public static final String OPEN_STORE_POOL = "cityvitals-open-store";
    private static final int OPEN_STORE_WORKERS = 1;
    private static final long USERS_RELOAD_MILLIS = 10_000;

    private final DashboardConfig config;
    private final Authenticator auth;
    private final ClickHouse clickHouse;
    private final AlertQueries alerts;
    private final HistoryQueries history;
    private final AlertActionPublisher publisher;
    private final ReferenceData reference;
    private final IndicatorCatalogue catalogue;
    private final FeedStatus feedStatus;
    private final PrometheusMeterRegistry meters;
    private final BackfillRunner backfills;
    private final Accounts accounts;
    private final SituationView situations;
    private HttpServer server;
    private LiveHub hub;
    private Audit audit;
    private Router router;

    /** @param accounts the user store admins manage; null when this server has none */
    public HttpServerVerticle(DashboardConfig config, Authenticator auth, ClickHouse clickHouse,
                              AlertActionPublisher publisher, IndicatorCatalogue catalogue, FeedStatus feedStatus,
                              PrometheusMeterRegistry meters, BackfillRunner backfills, Accounts accounts) {
        this.config = config;
        this.auth = auth;
        this.clickHouse = clickHouse;
        this.alerts = new AlertQueries(clickHouse, config.clickHouseDatabase());
        this.history = new HistoryQueries(clickHouse, config.clickHouseDatabase());
        this.publisher = publisher;
        this.reference = new ReferenceData(catalogue);
        this.catalogue = catalogue;
        this.situations = new SituationView(new Maintenance(catalogue, SensorRegistry.allCities(),
                MetricRegistry.loadDefault()));
        this.feedStatus = feedStatus;
        this.meters = meters;
        this.backfills = backfills;
        this.accounts = accounts;
    }

    @Override
    public Future<?> start() {
        // ClickHouse reads and Kafka sends get a pool of their own: a slow store cannot take the login workers
        WorkerExecutor store = vertx.createSharedWorkerExecutor(STORE_POOL, STORE_WORKERS);
        DashboardConfig.Limits limits = config.limits();
        audit = new Audit(new AuditLog(clickHouse, config.clickHouseDatabase()), store, meters);
        hub = new LiveHub(vertx, auth, new HubSettings(limits.alertLogSize(), limits.maxQueuedPerClient(),
                limits.maxSocketsPerUser()), since -> store.executeBlocking(() -> ChangedAlert.group(
                        alerts.transitionsOfAlertsChangedSince(since), alerts.actionsOfAlertsChangedSince(since)),
                false), new PushMeters(meters), (user, detail) -> audit.record(user, Audit.READ_SENSITIVE, "websocket",
                detail));
        hub.start();
        if (accounts != null) {
            // another instance's changes to users reach this one within a reload period
            vertx.setPeriodic(USERS_RELOAD_MILLIS, id -> store.executeBlocking(() -> {
                accounts.refresh();
                return null;
            }, false));
        }
        hub.state().excludeFromFlood(situations::explained);
        hub.state().judgeSituationActionsBy(situations::classOf);
        return OpenAPIContract.from(vertx, CONTRACT)
                .compose(contract -> {
                    router = router(contract, store);
                    return listen(router, limits);
                })
                .onSuccess(s -> server = s);
    }

    private Router router(OpenAPIContract contract, WorkerExecutor store) {
        RouterBuilder api = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
        api.rootHandler(BodyHandler.create().setBodyLimit(BODY_LIMIT)); // Vert.x Web wants body handlers first
        api.rootHandler(new SecurityHeaders(config.tls() != null));
        api.rootHandler(this::authenticate);
        // authentication is the root handler's, so that a missing token is 401 before any validation
        api.getRoutes().forEach(route -> route.setDoSecurity(false));
        new LoginApi(auth, hub).mount(api);
        new RestApi(hub.state(), history, reference, store).mount(api);
        new AlertApi(hub.state(), alerts, publisher, store).mount(api);
        SituationStores situationStores = SituationStores.of(clickHouse, config.clickHouseDatabase());
        new SituationApi(situations, situationStores, publisher, store).mount(api);
        new HandoverApi(new HandoverNotes(clickHouse, config.clickHouseDatabase()), store).mount(api);
        new MaintenanceApi(situations.maintenance(), situationStores.maintenance(), store).mount(api);
        new ReportApi(situations, situationStores.responseTimes(), new ReportQueries(clickHouse,
                config.clickHouseDatabase()), catalogue, store).mount(api);
        new ScreenApi(catalogue, new ScreenQueries(clickHouse, config.clickHouseDatabase()), hub.state(), store)
                .mount(api);
        new AuditApi(audit, store).mount(api);
        new UsersApi(accounts, audit, store).mount(api);
        new BackfillApi(backfills, audit).mount(api);
        new CatalogueApi(new MetadataCatalogue(catalogue, MetricRegistry.loadDefault(), Classification.loadDefault()),
                Classification.loadDefault(), new CatalogueQueries(clickHouse, config.clickHouseDatabase()), store)
                .mount(api);
        new OpenDataApi(new OpenCatalogue(catalogue, Classification.loadDefault()),
                new OpenDataQueries(clickHouse, config.clickHouseDatabase()),
                vertx.createSharedWorkerExecutor(OPEN_STORE_POOL, OPEN_STORE_WORKERS), meters, config.clock())
                .mount(api);
        api.getRoute("health").addHandler(Probes.health(vertx, feedStatus, clickHouse, store));
        api.getRoute("ready").addHandler(Probes.ready(vertx, hub));
        api.getRoute("metrics").addHandler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(meters.scrape()));
        api.getRoute("openapi").addHandler(ctx -> ctx.response().putHeader("content-type", "application/yaml")
                .sendFile(CONTRACT));
        Router router = api.createRouter();
        router.route("/*").handler(StaticHandler.create("webroot"));
        router.route().failureHandler(Answers::failure);
        router.errorHandler(404, ctx -> Answers.error(ctx, 404, "no such endpoint: " + ctx.request().path()));
        return router;
    }

    /** Lets public operations and the pages through; everything else under /api needs a valid, unrevoked token. */
    private void authenticate(RoutingContext ctx) {
        String path = ctx.request().path();
        if (!path.startsWith("/api/") || isPublic(path)) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Answers.error(ctx, 401, "log in first: send Authorization: Bearer <token from POST /api/login>");
            return;
        }
        auth.verify(header.substring(7).strip()).onComplete(verified -> {
            if (verified.failed()) {
                Answers.error(ctx, 401, "invalid, expired or revoked token: log in again");
            } else {
                Caller.set(ctx, verified.result());
                ctx.next();
            }
        });
    }

    private static boolean isPublic(String path) {
        return path.equals("/api/login") || path.equals("/api/demo-accounts");
    }

    private Future<HttpServer> listen(Router router, DashboardConfig.Limits limits) {
        HttpServerOptions options = new HttpServerOptions()
                .setIdleTimeout((int) limits.idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setTcpNoDelay(true);
        if (config.tls() != null) {
            options.setSsl(true).setKeyCertOptions(new KeyStoreOptions()
                    .setType(config.tls().keyStore().toString().endsWith(".jks") ? "JKS" : "PKCS12")
                    .setPath(config.tls().keyStore().toString()).setPassword(config.tls().password()));
        }
        ConnectionLimits connections = new ConnectionLimits(limits.maxConnections(),
                limits.maxConnectionsPerAddress());
        return vertx.createHttpServer(options)
                .connectionHandler(connections::accept)
                .webSocketHandshakeHandler(handshake -> {
                    if ("/ws".equals(handshake.path())) {
                        handshake.accept();
                    } else {
                        handshake.reject(404);
                    }
                })
                .webSocketHandler(socket -> {
                    connections.upgraded(socket);
                    hub.accept(socket);
                })
                .requestHandler(router)
                .listen(config.port(), config.host())
                .recover(e -> Future.failedFuture(e instanceof BindException
                        ? new PortInUseException(config.host(), config.port(), e) : e));
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }

    /** The routes mounted, for the test that holds them against the OpenAPI description. */
    Router router() {
        return router;
    }

    /** The situations the REST API answers from and the flood count leaves suppressed alerts out by. */
    public SituationView situations() {
        return situations;
    }

    /** The live view, for the server's readiness. */
    public LiveHub hub() {
        return hub;
    }
}
