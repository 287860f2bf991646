package org.cityvitals.dashboard.http;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import org.cityvitals.dashboard.feed.FeedStatus;
import org.cityvitals.dashboard.live.LiveHub;
import org.cityvitals.store.ClickHouse;

import java.util.function.BooleanSupplier;

/**
 * {@code /health} (is anything this instance depends on down, and what) and {@code /ready} (may a load balancer send
 * screens here: the Kafka replay has caught up), through vertx-health-check; each answers 503 naming the failed
 * checks.
 */
final class Probes {

    private static final long CHECK_TIMEOUT_MS = 3000;

    private Probes() {}

    static HealthCheckHandler health(Vertx vertx, FeedStatus feeds, ClickHouse clickHouse, WorkerExecutor workers) {
        HealthChecks checks = HealthChecks.create(vertx);
        checks.register("kafka", CHECK_TIMEOUT_MS, p -> p.complete(status(feeds::isKafkaAssigned,
                new JsonObject().put("state", feeds.toJson().getString("kafka")))));
        checks.register("clickhouse", CHECK_TIMEOUT_MS, p -> workers.executeBlocking(() -> {
            clickHouse.ping();
            return null;
        }, false).onComplete(ping -> p.complete(ping.succeeded() ? Status.OK()
                : Status.KO(new JsonObject().put("error", ping.cause().getMessage())))));
        checks.register("open-alerts-load", CHECK_TIMEOUT_MS, p -> p.complete(status(
                () -> !feeds.openAlertsLoad().startsWith("failed"),
                new JsonObject().put("state", feeds.openAlertsLoad()))));
        return HealthCheckHandler.createWithHealthChecks(checks);
    }

    static HealthCheckHandler ready(Vertx vertx, LiveHub hub) {
        HealthChecks checks = HealthChecks.create(vertx);
        checks.register("caught-up-with-kafka", CHECK_TIMEOUT_MS, p -> p.complete(status(hub::ready,
                new JsonObject().put("state", hub.ready() ? "accepting screens" : "replaying Kafka"))));
        return HealthCheckHandler.createWithHealthChecks(checks);
    }

    private static Status status(BooleanSupplier up, JsonObject data) {
        return up.getAsBoolean() ? Status.OK(data) : Status.KO(data);
    }
}
