package org.cityvitals.ingest.gateway;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.ingest.kafka.EventProducer;
import org.cityvitals.ingest.sim.ScenarioInjector;
import org.cityvitals.ingest.source.OutboundEvent;
import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.ingest.source.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP ingest gateway for field devices and partner systems.
 * <ul>
 *   <li>{@code POST /ingest/readings}, {@code POST /ingest/incidents}: a JSON array or NDJSON. 202 with counts when
 *   every item is valid and Kafka acknowledged it; 400 with per-item errors (line, field, reason, detail) otherwise,
 *   publishing nothing unless {@code ?partial=true}, which publishes the valid items and answers 202 with the
 *   errors; 413 above the body limit; 503 with Retry-After when Kafka did not acknowledge in time.</li>
 *   <li>{@code POST /ingest/scenarios}: {@code {"scenario":"pollution_episode","districts":["310101"],"minutes":30}}
 *   starts a scenario in the attached simulator (409 when none is attached).</li>
 *   <li>{@code GET /metrics}: Prometheus text, with accepted/rejected item counters per source and reason.</li>
 * </ul>
 * Items are judged against the Shanghai profile and the shipped Shanghai sensor registry.
 * Every {@code /ingest} call needs an API key ({@code Authorization: Bearer KEY} or {@code X-Api-Key}), else 401.
 * Configuration keys: see {@link GatewayConfig}.
 */
public final class IngestGatewayVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(IngestGatewayVerticle.class);

    private final GatewayConfig config;
    private final ScenarioInjector simulator;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final IngestMetrics metrics = new IngestMetrics(registry);
    private final BodySplitter splitter = new BodySplitter();
    private final ApiKeys apiKeys;
    private ItemValidator validator;
    private KafkaPublisher publisher;
    private HttpServer server;

    public IngestGatewayVerticle(JsonObject config) {
        this(config, null);
    }

    /** @param simulator the running simulator that {@code POST /ingest/scenarios} drives, or null */
    public IngestGatewayVerticle(JsonObject config, ScenarioInjector simulator) {
        this.config = GatewayConfig.from(config);
        this.simulator = simulator;
        this.apiKeys = new ApiKeys(this.config.apiKeys());
    }

    /** The port the gateway listens on (useful with {@code port: 0}). */
    public int actualPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> start() {
        validator = new ItemValidator(CityProfiles.shanghai(), SensorChecks.shipped());
        int timeout = config.kafkaTimeoutMs();
        publisher = new KafkaPublisher(vertx, new EventProducer(config.bootstrapServers(), Map.of(
                "max.block.ms", timeout,
                "request.timeout.ms", timeout / 2,
                "delivery.timeout.ms", timeout)), timeout, metrics);
        Router router = Router.router(vertx);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes());
        Authenticate authenticate = new Authenticate();
        router.post("/ingest/readings").handler(authenticate).handler(body)
                .handler(ctx -> ingest(ctx, "gateway-readings", validator::reading));
        router.post("/ingest/incidents").handler(authenticate).handler(body)
                .handler(ctx -> ingest(ctx, "gateway-incidents", validator::incident));
        router.post("/ingest/scenarios").handler(authenticate).handler(body).handler(this::scenario);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape()));
        router.route().failureHandler(this::failure);
        return vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host())
                .onSuccess(s -> server = s);
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            publisher.close();
            return null;
        });
    }

    /**
     * Checks the API key before the body is read, so an unauthenticated client cannot make the gateway buffer
     * anything; Vert.x only allows that order for handlers marked as platform handlers.
     */
    private final class Authenticate implements PlatformHandler {
        @Override
        public void handle(RoutingContext ctx) {
            if (apiKeys.allows(ctx)) {
                ctx.next();
            } else {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                json(ctx, 401, new JsonObject().put("error",
                        "missing or unknown API key: send 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'"));
            }
        }
    }

    private void ingest(RoutingContext ctx, String source, Function<BodyItem, ItemValidator.Verdict> validate) {
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        List<BodyItem> items = splitter.split(body, ctx.request().getHeader("Content-Type"));
        if (items.isEmpty()) {
            json(ctx, 400, new JsonObject().put("error", "empty body: send a JSON array or NDJSON, one item a line"));
            return;
        }
        IngestOutcome outcome = IngestOutcome.judge(items, validate);
        outcome.rejected().forEach(refused -> reject(source, refused.item(), refused.errors()));
        boolean partial = "true".equals(ctx.queryParams().get("partial"));
        if (outcome.hasErrors() && !partial) {
            json(ctx, 400, outcome.toJson(0));
            return;
        }
        publisher.publish(outcome.valid()).onComplete(result -> {
            if (result.succeeded()) {
                metrics.accepted(source, outcome.valid().size());
                json(ctx, 202, outcome.toJson(outcome.valid().size()));
            } else {
                metrics.rejected(source, RejectReason.KAFKA_UNAVAILABLE, outcome.valid().size());
                ctx.response().putHeader("Retry-After", Integer.toString(config.retryAfterSeconds()));
                json(ctx, 503, outcome.toJson(0).put("error", "Kafka did not take the data: "
                        + result.cause().getMessage() + "; send the body again after Retry-After. Some items may have "
                        + "reached Kafka before it failed: the store folds repeated readings into one row, but "
                        + "windows may count them twice until the repeat is out of their allowed lateness"));
            }
        });
    }

    private void reject(String source, BodyItem item, List<ItemError> errors) {
        ItemError first = errors.get(0);
        metrics.rejected(source, first.reason(), 1);
        String detail = errors.stream().map(e -> e.field() + ": " + e.detail()).toList().toString();
        publisher.deadLetter(new Rejection(source, first.reason(), "line " + item.line() + ": " + detail,
                new String(item.json(), StandardCharsets.UTF_8), item.line()));
    }

    private void scenario(RoutingContext ctx) {
        if (simulator == null) {
            json(ctx, 409, new JsonObject().put("error", "no simulator is attached to this gateway"));
            return;
        }
        ScenarioRequest request;
        try {
            request = ScenarioRequest.parse(ctx.body().asString());
        } catch (IllegalArgumentException e) {
            json(ctx, 400, new JsonObject().put("error", e.getMessage()));
            return;
        }
        // The simulator may be busy publishing a round into a slow Kafka: never wait for it on the event loop.
        vertx.executeBlocking(() -> simulator.inject(request.scenario(), request.districts(), request.duration()),
                false).onComplete(injected -> {
                    if (injected.succeeded()) {
                        json(ctx, 202, new JsonObject().put("scenario", request.scenario().code())
                                .put("districts", new JsonArray(List.copyOf(request.districts())))
                                .put("until", injected.result().toString()));
                    } else if (injected.cause() instanceof IllegalArgumentException e) {
                        json(ctx, 400, new JsonObject().put("error", e.getMessage()));
                    } else {
                        ctx.fail(injected.cause());
                    }
                });
    }

    private void failure(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            String path = ctx.request().path();
            metrics.rejected(path.endsWith("incidents") ? "gateway-incidents" : "gateway-readings",
                    RejectReason.PAYLOAD_TOO_LARGE, 1);
            json(ctx, 413, new JsonObject().put("error", "body larger than " + config.bodyLimitBytes()
                    + " bytes: split it into smaller requests"));
        } else {
            LOG.error("ingest request {} failed", ctx.request().path(), ctx.failure());
            json(ctx, ctx.statusCode() > 0 ? ctx.statusCode() : 500, new JsonObject().put("error", "internal error"));
        }
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended()) return;
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
