package org.cityvitals.dashboard.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.feed.AlertActionPublisher;
import org.cityvitals.dashboard.live.Audience;
import org.cityvitals.dashboard.live.LiveState;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PermissionTable;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.store.query.AlertQueries;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert's history and what people do with it: {@code GET /api/alerts/{alertId}} and
 * {@code POST /api/alerts/{alertId}/actions}. An alert is known when it is open in the live view or recorded in
 * ClickHouse; an alert outside the caller's scope (another district, another city, a platform alarm for a user not
 * cleared for them) is answered exactly like one that does not exist, so ids reveal nothing. An action is checked
 * against the permission table, published on {@code cv.alert-actions} (every instance's screens get it from there)
 * and recorded in ClickHouse.
 */
record AlertApi(LiveState live, AlertQueries store, AlertActionPublisher publisher, WorkerExecutor workers) {

    void mount(RouterBuilder api) {
        api.getRoute("alertDetail").addHandler(this::describe);
        api.getRoute("alertAction").addHandler(this::act);
    }

    /** The alert's transitions and the actions taken on it, oldest first; 404 when unknown or outside scope. */
    private void describe(RoutingContext ctx) {
        String alertId = ctx.pathParam("alertId");
        Optional<AlertEvent> open = live.openAlert(alertId); // read here: the live view belongs to this event loop
        workers.executeBlocking(() -> new Described(store.transitions(alertId), store.actions(alertId)), false)
                .onComplete(loaded -> {
                    if (loaded.failed()) {
                        Answers.error(ctx, 503, "alert " + alertId + " cannot be read: " + loaded.cause().getMessage());
                        return;
                    }
                    Described alert = loaded.result().withLive(open);
                    if (visible(ctx, alertId, alert.transitions())) {
                        Answers.json(ctx, alert);
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
     * Records an action by the caller when the permission table lets their role take it on this alert; 201 with the
     * recorded action.
     */
    private void act(RoutingContext ctx) {
        String alertId = ctx.pathParam("alertId");
        PlatformUser user = Caller.of(ctx);
        Instant now = Instant.now();
        AlertActionRequest request;
        try {
            request = AlertActionRequest.parse(ctx.body().asJsonObject(), now);
        } catch (IllegalArgumentException e) {
            Answers.error(ctx, 400, "alert " + alertId + ": " + e.getMessage());
            return;
        }
        knownTransitions(alertId).compose(transitions -> {
            if (!visible(ctx, alertId, transitions)) {
                return Future.succeededFuture();
            }
            Permission needed = PermissionTable.needed(request.kind(), request.silence(now));
            if (!Caller.may(ctx, needed)) {
                return Future.succeededFuture();
            }
            AlertAction action = request.toAction(alertId, transitions.get(transitions.size() - 1).district(),
                    user.username(), now);
            return workers.executeBlocking(() -> {
                publisher.publish(action);
                store.record(action);
                return action;
            }, false).onSuccess(recorded -> Answers.json(ctx, 201, recorded));
        }).onFailure(e -> Answers.error(ctx, 503, "the action on alert " + alertId + " was not recorded: "
                + e.getMessage()));
    }

    /** The open alert from the live view when it has it (no query needed), else the transitions ClickHouse has. */
    private Future<List<AlertEvent>> knownTransitions(String alertId) {
        return live.openAlert(alertId).map(a -> Future.succeededFuture(List.of(a)))
                .orElseGet(() -> workers.executeBlocking(() -> store.transitions(alertId), false));
    }

    /** Answers 404 and returns false unless the alert is known and the caller may see it. */
    private static boolean visible(RoutingContext ctx, String alertId, List<AlertEvent> transitions) {
        if (transitions.isEmpty()
                || !LiveState.admits(Audience.of(Caller.of(ctx)), transitions.get(transitions.size() - 1))) {
            Answers.error(ctx, 404, "no alert with id " + alertId);
            return false;
        }
        return true;
    }
}
