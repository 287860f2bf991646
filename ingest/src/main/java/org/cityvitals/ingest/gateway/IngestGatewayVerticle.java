package org.cityvitals.ingest.gateway;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSPHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import io.vertx.ext.web.handler.XFrameHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.ingest.kafka.EventProducer;
import org.cityvitals.ingest.sim.ScenarioInjector;
import org.cityvitals.ingest.source.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP ingest gateway for field devices and partner systems, for the districts of every city profile.
 * <ul>
 *   <li>{@code POST /ingest/readings}, {@code POST /ingest/incidents}: a JSON array or NDJSON. 202 with counts when
 *   every item is valid and Kafka acknowledged it; 400 with per-item errors (line, field, reason, detail) otherwise,
 *   publishing nothing unless {@code ?partial=true}, which publishes the valid items and answers 202 with the
 *   errors; 413 above the body limit or the item cap; 503 with Retry-After when Kafka did not acknowledge in time.
 *   Every published record carries the sending key's id in its {@code cv-sender} header.</li>
 *   <li>{@code POST /ingest/scenarios}: {@code {"scenario":"pollution_episode","districts":["310101"],"minutes":30}}
 *   starts a scenario in the attached simulator (409 when none is attached).</li>
 *   <li>{@code GET /metrics}: Prometheus text (vertx-micrometer-metrics); {@code GET /health}: 200 UP or 503 DOWN
 *   with the state of the Kafka connection (vertx-health-check).</li>
 * </ul>
 * Every {@code /ingest} call needs an API key ({@code Authorization: Bearer KEY} or {@code X-Api-Key}), else 401,
 * checked before the body is read; a key used for a source it may not send gets 403, an item for a district outside
 * its areas is rejected as {@code out_of_scope}. Splitting and validation run on a worker pool of their own, at most
 * {@code requestsPerKey} requests of one key at once (429 beyond). Connections are capped in total and per client
 * address and closed when idle. Configuration keys: see {@link GatewayConfig}.
 */
public final class IngestGatewayVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(IngestGatewayVerticle.class);

    private final GatewayConfig config;
    private final ScenarioInjector simulator;
    private final ApiKeys apiKeys;
    private final BodySplitter splitter;
    private final Map<String, Integer> inWorkers = new HashMap<>();
    private PrometheusMeterRegistry registry;
    private IngestMetrics metrics;
    private ItemValidator validator;
    private KafkaPublisher publisher;
    private AutoCloseable producerMetrics;
    private Admin kafkaAdmin;
    private WorkerExecutor workers;
    private HttpServer server;

    public IngestGatewayVerticle(JsonObject config) {
        this(config, null);
    }

    /** @param simulator the running simulator that {@code POST /ingest/scenarios} drives, or null */
    public IngestGatewayVerticle(JsonObject config, ScenarioInjector simulator) {
        this.config = GatewayConfig.from(config);
        this.simulator = simulator;
        this.apiKeys = new ApiKeys(this.config.apiKeys());
        this.splitter = new BodySplitter(this.config.maxItems());
    }

    /** The port the gateway listens on (useful with {@code port: 0}). */
    public int actualPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> start() {
        registry = BackendRegistries.getDefaultNow() instanceof PrometheusMeterRegistry shared ? shared
                : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT); // a Vert.x without Micrometer metrics
        metrics = new IngestMetrics(registry);
        validator = new ItemValidator(SensorChecks.shipped(), Clock.systemUTC(), config.maxClockSkew());
        int timeout = config.kafkaTimeoutMs();
        EventProducer producer = new EventProducer(config.bootstrapServers(), Map.of(
                "max.block.ms", timeout,
                "request.timeout.ms", timeout / 2,
                "delivery.timeout.ms", timeout));
        producerMetrics = producer.bindMetrics(registry);
        publisher = new KafkaPublisher(producer, metrics);
        kafkaAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout));
        workers = vertx.createSharedWorkerExecutor("cityvitals-ingest-" + deploymentID(), config.workers());

        Router router = Router.router(vertx);
        router.route().handler(CSPHandler.create().setDirective("default-src", "'none'")
                .setDirective("frame-ancestors", "'none'"));
        router.route().handler(XFrameHandler.create(XFrameHandler.DENY));
        router.route().handler(ctx -> {
            ctx.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Cache-Control", "no-store");
            ctx.next();
        });
        TimeoutHandler requestTimeout = TimeoutHandler.create(config.requestTimeout().toMillis());
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes());
        for (String source : List.of("readings", "incidents", "scenarios")) {
            router.post("/ingest/" + source).handler(requestTimeout).handler(new Authenticate(source)).handler(body)
                    .handler(source.equals("scenarios") ? this::scenario : ctx -> ingest(ctx, source));
        }
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        // the check's own limit is a second longer than Kafka's, so that a silent Kafka reads as DOWN (503), not as
        // a check that failed to answer (500)
        router.get("/health").handler(HealthCheckHandler.create(vertx).register("kafka", timeout + 1000L,
                this::kafkaUp));
        router.route().failureHandler(this::failure);

        HttpServerOptions options = new HttpServerOptions().setIdleTimeout((int) config.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        return vertx.createHttpServer(options)
                .connectionHandler(new ConnectionLimits(config.maxConnections(), config.maxConnectionsPerAddress(),
                        metrics))
                .requestHandler(router).listen(config.port(), config.host()).onSuccess(s -> server = s);
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            producerMetrics.close();
            publisher.close();
            kafkaAdmin.close();
            workers.close();
            return null;
        });
    }

    /**
     * Finds the caller's key before the body is read, so an unauthenticated client cannot make the gateway buffer
     * anything (Vert.x allows that order for platform handlers only), and refuses a key not allowed this source.
     */
    private final class Authenticate implements PlatformHandler {
        private final String source;

        Authenticate(String source) {
            this.source = source;
        }

        @Override
        public void handle(RoutingContext ctx) {
            ApiKey key = apiKeys.presentedBy(ctx).orElse(null);
            if (key == null) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                json(ctx, 401, new JsonObject().put("error",
                        "missing or unknown API key: send 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'"));
            } else if (!key.maySend(source)) {
                json(ctx, 403, new JsonObject().put("error", "API key '" + key.id() + "' may not send " + source));
            } else {
                ctx.put(ApiKey.class.getName(), key);
                ctx.next();
            }
        }
    }

    /** What a worker made of a request: the verdicts and, when there is something to publish, the acknowledgement. */
    private record Prepared(IngestOutcome outcome, boolean overCap, CompletableFuture<Void> acknowledged) {
    }

    private void ingest(RoutingContext ctx, String source) {
        ApiKey key = ctx.get(ApiKey.class.getName());
        String metricSource = "gateway-" + source;
        if (inWorkers.getOrDefault(key.id(), 0) >= config.requestsPerKey()) {
            metrics.throttled(key.id());
            ctx.response().putHeader("Retry-After", "1");
            json(ctx, 429, new JsonObject().put("error", "API key '" + key.id() + "' already has "
                    + config.requestsPerKey() + " requests in progress: wait for their answers"));
            return;
        }
        inWorkers.merge(key.id(), 1, Integer::sum);
        byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        String contentType = ctx.request().getHeader("Content-Type");
        boolean partial = "true".equals(ctx.queryParams().get("partial"));
        List<Header> sender = List.of(new RecordHeader(Topics.SENDER_HEADER, key.id().getBytes(StandardCharsets.UTF_8)));
        Context eventLoop = vertx.getOrCreateContext();
        workers.executeBlocking(() -> prepare(bytes, contentType, partial, source, key, sender), false)
                .onComplete(done -> inWorkers.computeIfPresent(key.id(), (k, n) -> n > 1 ? n - 1 : null))
                .onSuccess(prepared -> answer(ctx, metricSource, key, prepared, eventLoop))
                .onFailure(ctx::fail);
    }

    /** On a worker: split, judge, dead-letter the refused items and hand the valid ones to Kafka. */
    private Prepared prepare(byte[] body, String contentType, boolean partial, String source, ApiKey key,
                             List<Header> sender) {
        BodySplitter.Split split = splitter.split(body, contentType);
        if (split.overCap() || split.items().isEmpty()) {
            return new Prepared(null, split.overCap(), null);
        }
        IngestOutcome outcome = IngestOutcome.judge(split.items(), source.equals("readings")
                ? item -> validator.reading(item, key) : item -> validator.incident(item, key));
        outcome.rejected().forEach(refused -> reject("gateway-" + source, refused.item(), refused.errors(), sender));
        boolean publish = !outcome.hasErrors() || partial;
        return new Prepared(outcome, false, publish ? publisher.publish(outcome.valid(), sender) : null);
    }

    private void answer(RoutingContext ctx, String source, ApiKey key, Prepared prepared, Context eventLoop) {
        if (prepared.overCap()) {
            metrics.rejected(source, RejectReason.TOO_MANY_ITEMS, 1);
            json(ctx, 413, new JsonObject().put("error", "more than " + config.maxItems() + " items in one "
                    + "request (the gateway's cap): split the body into requests of at most " + config.maxItems()));
            return;
        }
        IngestOutcome outcome = prepared.outcome();
        if (outcome == null) {
            json(ctx, 400, new JsonObject().put("error", "empty body: send a JSON array or NDJSON, one item a line"));
            return;
        }
        if (prepared.acknowledged() == null) {
            json(ctx, 400, outcome.toJson(0));
            return;
        }
        Future.fromCompletionStage(prepared.acknowledged(), eventLoop)
                .timeout(config.kafkaTimeoutMs() + 1000L, TimeUnit.MILLISECONDS).onComplete(result -> {
                    if (result.succeeded()) {
                        metrics.accepted(source, key.id(), outcome.valid().size());
                        json(ctx, 202, outcome.toJson(outcome.valid().size()));
                    } else {
                        metrics.rejected(source, RejectReason.KAFKA_UNAVAILABLE, outcome.valid().size());
                        ctx.response().putHeader("Retry-After", Integer.toString(config.retryAfterSeconds()));
                        json(ctx, 503, outcome.toJson(0).put("error", "Kafka did not take the data: "
                                + result.cause().getMessage() + "; send the body again after Retry-After. Some items "
                                + "may have reached Kafka before it failed: the store folds repeated readings into "
                                + "one row, but windows may count them twice until the repeat is out of their "
                                + "allowed lateness"));
                    }
                });
    }

    private void reject(String source, BodyItem item, List<ItemError> errors, List<Header> sender) {
        ItemError first = errors.get(0);
        metrics.rejected(source, first.reason(), 1);
        String detail = errors.stream().map(e -> e.field() + ": " + e.detail()).toList().toString();
        publisher.deadLetter(new Rejection(source, first.reason(), "line " + item.line() + ": " + detail,
                new String(item.json(), StandardCharsets.UTF_8), item.line()), sender);
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
        ApiKey key = ctx.get(ApiKey.class.getName());
        List<String> outside = request.districts().stream().filter(d -> !key.mayReach(d)).toList();
        if (!outside.isEmpty()) {
            json(ctx, 403, new JsonObject().put("error", "API key '" + key.id() + "' may not act in " + outside));
            return;
        }
        // The simulator may be busy publishing a round into a slow Kafka: never wait for it on the event loop.
        workers.executeBlocking(() -> simulator.inject(request.scenario(), request.districts(), request.duration()),
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

    /** UP when the Kafka cluster answers within the Kafka timeout; the answer names the broker count. */
    private void kafkaUp(io.vertx.core.Promise<Status> result) {
        vertx.executeBlocking(() -> kafkaAdmin.describeCluster().nodes()
                        .get(config.kafkaTimeoutMs(), TimeUnit.MILLISECONDS).size(), false)
                .onSuccess(nodes -> result.tryComplete(Status.OK(new JsonObject().put("brokers", nodes))))
                .onFailure(e -> result.tryComplete(Status.KO(new JsonObject().put("error", e.toString())
                        .put("bootstrapServers", config.bootstrapServers()))));
    }

    private void failure(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            String path = ctx.request().path();
            metrics.rejected(path.endsWith("incidents") ? "gateway-incidents" : "gateway-readings",
                    RejectReason.PAYLOAD_TOO_LARGE, 1);
            json(ctx, 413, new JsonObject().put("error", "body larger than " + config.bodyLimitBytes()
                    + " bytes: split it into smaller requests"));
        } else if (ctx.statusCode() == 503 && ctx.failure() == null) {
            json(ctx, 503, new JsonObject().put("error", "the request took longer than "
                    + config.requestTimeout().toSeconds() + " s"));
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
