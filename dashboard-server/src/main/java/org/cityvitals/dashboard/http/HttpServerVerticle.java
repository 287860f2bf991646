package org.cityvitals.dashboard.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.feed.AlertStore;
import org.cityvitals.dashboard.feed.FeedStatus;
import org.cityvitals.dashboard.feed.SignalStore;
import org.cityvitals.dashboard.live.LiveHub;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.store.query.ScreenQueries;

import java.net.BindException;

/**
 * Serves the pages ({@code webroot/}, with ECharts under {@code vendor/}), the REST API, {@code /ws}, {@code /metrics} and
 * {@code /health}. The live view lives on this verticle's event loop, so REST answers and WebSocket pushes read
 * the same state without locks. Undeploying closes the server, its sockets, timers and event-bus consumers.
 */
public final class HttpServerVerticle extends VerticleBase {

    private final String host;
    private final int port;
    private final Authenticator auth;
    private final SignalStore store;
    private final AlertStore alertStore;
    private final ReferenceData reference;
    private final ScreenApi screens;
    private final FeedStatus feedStatus;
    private final PrometheusMeterRegistry meters;
    private HttpServer server;

    public HttpServerVerticle(String host, int port, Authenticator auth, SignalStore store, AlertStore alertStore,
                              CityProfile city, IndicatorCatalogue catalogue,
                              FeedStatus feedStatus, PrometheusMeterRegistry meters, ScreenQueries screenQueries) {
        this.host = host;
        this.port = port;
        this.auth = auth;
        this.store = store;
        this.alertStore = alertStore;
        this.reference = new ReferenceData(city, catalogue);
        this.screens = new ScreenApi(city, catalogue, screenQueries);
        this.feedStatus = feedStatus;
        this.meters = meters;
    }

    @Override
    public Future<?> start() {
        LiveHub live = new LiveHub(vertx, auth, meters);
        live.start();
        Router router = Router.router(vertx);
        new RestApi(vertx, auth, live, store, alertStore, reference).mount(router);
        screens.mount(router, vertx, auth, live);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(meters.scrape()));
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "up")
                .put("feeds", feedStatus.toJson())));
        router.route("/*").handler(StaticHandler.create("webroot"));
        return vertx.createHttpServer()
                .webSocketHandshakeHandler(handshake -> {
                    if ("/ws".equals(handshake.path())) {
                        handshake.accept();
                    } else {
                        handshake.reject(404);
                    }
                })
                .webSocketHandler(live::accept)
                .requestHandler(router)
                .listen(port, host)
                .recover(e -> Future.failedFuture(e instanceof BindException ? new PortInUseException(host, port, e) : e))
                .onSuccess(s -> server = s);
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
