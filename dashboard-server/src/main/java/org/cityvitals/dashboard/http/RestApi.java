package org.cityvitals.dashboard.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.JWTAuthHandler;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.auth.DashboardUser;
import org.cityvitals.dashboard.auth.Scope;
import org.cityvitals.dashboard.feed.AlertStore;
import org.cityvitals.dashboard.feed.SignalStore;
import org.cityvitals.dashboard.live.AlarmFlood;
import org.cityvitals.dashboard.live.AlertHandling;
import org.cityvitals.dashboard.live.LiveHub;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.SignalCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The REST endpoints under {@code /api}. Everything but {@code /api/login} needs {@code Authorization: Bearer JWT},
 * and every answer about districts is cut to the caller's scope as the user directory has it now.
 */
final class RestApi {

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    private final Vertx vertx;
    private final Authenticator auth;
    private final LiveHub live;
    private final SignalStore store;
    private final ReferenceData reference;
    private final AlertApi alerts;

    RestApi(Vertx vertx, Authenticator auth, LiveHub live, SignalStore store, AlertStore alertStore,
            ReferenceData reference) {
        this.vertx = vertx;
        this.auth = auth;
        this.live = live;
        this.store = store;
        this.reference = reference;
        this.alerts = new AlertApi(vertx, live, alertStore);
    }

    void mount(Router router) {
        router.post("/api/login").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::login)
                .failureHandler(RestApi::failure);
        router.route("/api/*").handler(JWTAuthHandler.create(auth.jwt())).failureHandler(RestApi::failure);
        router.get("/api/me").handler(ctx -> withUser(ctx, user -> ctx.json(me(user))));
        router.get("/api/districts").handler(ctx -> withUser(ctx, user -> ctx.json(reference.districts(user.scope()))));
        router.get("/api/indicators").handler(ctx -> ctx.json(reference.indicators()));
        router.get("/api/latest").handler(ctx -> withUser(ctx, user -> sendSignals(ctx, live.latest(user.scope()))));
        router.get("/api/alerts/open").handler(ctx -> withUser(ctx, user -> openAlerts(ctx, user)));
        router.get("/api/alerts/:alertId").handler(ctx -> withUser(ctx, user -> alerts.describe(ctx, user)));
        router.post("/api/alerts/:alertId/actions").handler(BodyHandler.create().setBodyLimit(16 * 1024))
                .handler(ctx -> withUser(ctx, user -> alerts.act(ctx, user)));
        router.get("/api/history").handler(ctx -> withUser(ctx, user -> history(ctx, user)));
        router.get("/api/health/history").handler(ctx -> withUser(ctx, user -> healthHistory(ctx, user)));
        router.get("/api/geo").handler(this::geo);
    }

    private void login(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            body = null;
        }
        if (body == null) {
            fail(ctx, 400, "send {\"username\": …, \"password\": …} as JSON");
            return;
        }
        auth.login(body.getString("username", ""), body.getString("password", "")).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result().isEmpty()) {
                fail(ctx, 401, "unknown user or wrong password");
            } else {
                ctx.json(new JsonObject().put("token", result.result().get().token())
                        .put("user", me(result.result().get().user())));
            }
        });
    }

    private void withUser(RoutingContext ctx, Consumer<DashboardUser> handler) {
        auth.current(ctx.user().subject()).onComplete(user -> {
            if (user.failed()) {
                fail(ctx, 401, user.cause().getMessage());
            } else {
                handler.accept(user.result());
            }
        });
    }

    private static JsonObject me(DashboardUser user) {
        return new JsonObject().put("username", user.username()).put("displayName", user.displayName())
                .put("role", user.role()).put("allDistricts", user.scope().everything())
                .put("districts", new JsonArray(List.copyOf(user.scope().districts())));
    }

    private static void sendSignals(RoutingContext ctx, List<?> signals) {
        ctx.response().putHeader("content-type", "application/json").end(SignalCodec.toJson(signals));
    }

    /** The open alerts in scope with what people did with them, and the scope's alarm-flood state. */
    private void openAlerts(RoutingContext ctx, DashboardUser user) {
        Scope scope = user.scope();
        ctx.response().putHeader("content-type", "application/json").end(SignalCodec.toJson(new OpenAlertsAnswer(
                live.openAlerts(scope), live.handling(scope), live.flood(scope))));
    }

    private record OpenAlertsAnswer(List<AlertEvent> alerts, List<AlertHandling> handling, AlarmFlood.State flood) {}

    private void history(RoutingContext ctx, DashboardUser user) {
        String indicator = ctx.request().getParam("indicator");
        if (indicator == null || !reference.knowsIndicator(indicator)) {
            fail(ctx, 400, "indicator must name a catalogue entry (GET /api/indicators), was " + indicator);
            return;
        }
        withDistrictAndRange(ctx, user, (district, range) -> sendFromStore(ctx, "history",
                () -> store.history(indicator, district, range.from(), range.to())));
    }

    private void healthHistory(RoutingContext ctx, DashboardUser user) {
        withDistrictAndRange(ctx, user, (district, range) -> sendFromStore(ctx, "health history",
                () -> store.healthHistory(district, range.from(), range.to())));
    }

    /** Checks the {@code district} parameter against the user's scope and parses {@code from}/{@code to}. */
    private static void withDistrictAndRange(RoutingContext ctx, DashboardUser user,
                                             BiConsumer<String, TimeRange> handler) {
        String district = ctx.request().getParam("district");
        if (district == null) {
            fail(ctx, 400, "district is required: a district code or the city's code");
            return;
        }
        if (!user.scope().allows(district)) {
            fail(ctx, 403, "district " + district + " is outside your scope");
            return;
        }
        TimeRange range;
        try {
            range = TimeRange.of(ctx.request());
        } catch (IllegalArgumentException e) {
            fail(ctx, 400, e.getMessage());
            return;
        }
        handler.accept(district, range);
    }

    /** Runs a ClickHouse query off the event loop and sends its signals; 503 naming {@code what} if it fails. */
    private void sendFromStore(RoutingContext ctx, String what, Callable<List<?>> query) {
        vertx.executeBlocking(query).onComplete(rows -> {
            if (rows.failed()) {
                fail(ctx, 503, what + " is unavailable: " + rows.cause().getMessage());
            } else {
                sendSignals(ctx, rows.result());
            }
        });
    }

    private void geo(RoutingContext ctx) {
        reference.boundaries().ifPresentOrElse(
                geoJson -> ctx.response().putHeader("content-type", "application/geo+json").end(geoJson),
                () -> fail(ctx, 404, "this city profile ships no district boundaries"));
    }

    /** Turns a failed request (a missing token, a bug) into a JSON error; only server faults are logged. */
    private static void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
        }
        fail(ctx, status, status == 401 ? "log in first: send Authorization: Bearer <token from POST /api/login>"
                : HttpResponseStatus.valueOf(status).reasonPhrase());
    }

    static Future<Void> fail(RoutingContext ctx, int status, String message) {
        return ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
