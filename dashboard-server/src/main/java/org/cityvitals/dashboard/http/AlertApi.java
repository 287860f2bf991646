package org.cityvitals.dashboard.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.cityvitals.dashboard.auth.DashboardUser;
import org.cityvitals.dashboard.feed.AlertStore;
import org.cityvitals.dashboard.feed.SignalBus;
import org.cityvitals.dashboard.live.LiveHub;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.store.alert.AlertAction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert's history and what people do with it: {@code GET /api/alerts/{alertId}} and
 * {@code POST /api/alerts/{alertId}/actions}. An alert is known when it is open in the live view or recorded in
 * ClickHouse; its district decides who may see it and act on it.
 */
final class AlertApi {

    private final Vertx vertx;
    private final LiveHub live;
    private final AlertStore store;

    AlertApi(Vertx vertx, LiveHub live, AlertStore store) {
        this.vertx = vertx;
        this.live = live;
        this.store = store;
    }

    /** The alert's transitions and the actions taken on it, oldest first; 404 unknown, 403 outside scope. */
    void describe(RoutingContext ctx, DashboardUser user) {
        String alertId = ctx.pathParam("alertId");
        Optional<AlertEvent> open = live.openAlert(alertId); // read here: the live view belongs to this event loop
        vertx.executeBlocking(() -> new Described(store.transitions(alertId), store.actions(alertId)))
                .onComplete(loaded -> {
                    if (loaded.failed()) {
                        RestApi.fail(ctx, 503, "alert " + alertId + " cannot be read: " + loaded.cause().getMessage());
                        return;
                    }
                    Described alert = loaded.result().withLive(open);
                    if (inScope(ctx, user, alertId, alert.transitions())) {
                        ctx.response().putHeader("content-type", "application/json").end(SignalCodec.toJson(alert));
                    }
                });
    }

    private record Described(List<AlertEvent> transitions, List<AlertAction> actions) {

        /** Adds the live view's newest transition when ClickHouse lacks it: the job writes both, not at once. */
        Described withLive(Optional<AlertEvent> open) {
            Map<Integer, AlertEvent> byVersion = new TreeMap<>();
            open.ifPresent(a -> byVersion.put(a.version(), a));
            transitions.forEach(a -> byVersion.put(a.version(), a));
            return new Described(List.copyOf(byVersion.values()), actions);
        }
    }

    /**
     * Records an action by {@code user} and pushes it to every open screen in scope through the live view, the same
     * way as an alert transition; answers 201 with the recorded action.
     */
    void act(RoutingContext ctx, DashboardUser user) {
        String alertId = ctx.pathParam("alertId");
        AlertActionRequest request;
        try {
            request = AlertActionRequest.parse(body(ctx), Instant.now());
        } catch (IllegalArgumentException e) {
            RestApi.fail(ctx, 400, "alert " + alertId + ": " + e.getMessage());
            return;
        }
        knownTransitions(alertId).compose(transitions -> {
            if (!inScope(ctx, user, alertId, transitions)) {
                return Future.succeededFuture();
            }
            AlertAction action = request.toAction(alertId, transitions.get(transitions.size() - 1).district(),
                    user.username(), Instant.now());
            return vertx.executeBlocking(() -> {
                store.record(action);
                return action;
            }).onSuccess(recorded -> {
                vertx.eventBus().publish(SignalBus.ALERT_ACTIONS, recorded);
                ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .end(SignalCodec.toJson(recorded));
            });
        }).onFailure(e -> RestApi.fail(ctx, 503, "the action on alert " + alertId + " was not recorded: "
                + e.getMessage()));
    }

    /** The open alert from the live view when it has it (no query needed), else the transitions ClickHouse has. */
    private Future<List<AlertEvent>> knownTransitions(String alertId) {
        return live.openAlert(alertId).map(a -> Future.succeededFuture(List.of(a)))
                .orElseGet(() -> vertx.executeBlocking(() -> store.transitions(alertId)));
    }

    /** Answers 404 or 403 and returns false unless the alert is known and in the user's scope. */
    private static boolean inScope(RoutingContext ctx, DashboardUser user, String alertId,
                                   List<AlertEvent> transitions) {
        if (transitions.isEmpty()) {
            RestApi.fail(ctx, 404, "no alert with id " + alertId);
            return false;
        }
        String district = transitions.get(transitions.size() - 1).district();
        if (!user.scope().allows(district)) {
            RestApi.fail(ctx, 403, "alert " + alertId + " is in district " + district + ", outside your scope");
            return false;
        }
        return true;
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
