package org.cityvitals.dashboard.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.live.Audience;
import org.cityvitals.dashboard.live.AlarmFlood;
import org.cityvitals.dashboard.live.AlertHandling;
import org.cityvitals.dashboard.live.LiveState;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PermissionTable;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.store.query.HistoryQueries;

import java.util.List;

/**
 * The read endpoints: who the caller is, reference data, the live view and history, each cut to the caller's scope.
 * History is read from ClickHouse on the store's worker pool.
 */
record RestApi(LiveState live, HistoryQueries queries, ReferenceData reference, WorkerExecutor store) {

    void mount(RouterBuilder api) {
        api.getRoute("me").addHandler(ctx -> Answers.json(ctx, me(Caller.of(ctx))));
        api.getRoute("districts").addHandler(ctx -> Answers.json(ctx, reference.districts(Caller.of(ctx).scope())));
        api.getRoute("indicators").addHandler(ctx -> Answers.json(ctx, reference.indicators()));
        api.getRoute("latest").addHandler(Caller.requiring(Permission.VIEW_LIVE,
                ctx -> Answers.json(ctx, live.latest(Audience.of(Caller.of(ctx))))));
        api.getRoute("openAlerts").addHandler(Caller.requiring(Permission.VIEW_LIVE, this::openAlerts));
        api.getRoute("history").addHandler(this::history);
        api.getRoute("healthHistory").addHandler(this::healthHistory);
        api.getRoute("geo").addHandler(this::geo);
    }

    static JsonObject me(PlatformUser user) {
        return new JsonObject().put("username", user.username()).put("displayName", user.displayName())
                .put("role", WireNames.of(user.role()))
                .put("permissions", new JsonArray(PermissionTable.of(user.role()).stream().map(WireNames::of).toList()))
                .put("cities", new JsonArray(ReferenceData.cities(user.scope()).stream().map(CityProfile::id).toList()))
                .put("allDistricts", user.scope().allDistricts())
                .put("districts", new JsonArray(user.scope().districts().stream().sorted().toList()))
                .put("clearance", WireNames.of(user.clearance()))
                .put("duty", new JsonArray(user.duty()));
    }

    /** The open alerts in scope with what people did with them, and the scope's alarm-flood state. */
    private void openAlerts(RoutingContext ctx) {
        Audience audience = Audience.of(Caller.of(ctx));
        Answers.json(ctx, new OpenAlertsAnswer(live.openAlerts(audience), live.handling(audience),
                live.flood(audience, java.time.Instant.now())));
    }

    private record OpenAlertsAnswer(List<AlertEvent> alerts, List<AlertHandling> handling, AlarmFlood.State flood) {}

    private void history(RoutingContext ctx) {
        String indicator = ctx.request().getParam("indicator");
        if (!reference.knowsIndicator(indicator)) {
            Answers.error(ctx, 400, "indicator must name a catalogue entry (GET /api/indicators), was " + indicator);
            return;
        }
        if (!Caller.clearedFor(ctx, indicator)) {
            return;
        }
        withAreaAndRange(ctx, (area, range) -> Answers.fromStore(ctx, store, "history",
                () -> queries.indicatorValues(indicator, area, range.from(), range.to())));
    }

    private void healthHistory(RoutingContext ctx) {
        if (!Caller.cleared(ctx, Audience.classOfHealth(), "the health score")) {
            return;
        }
        withAreaAndRange(ctx, (area, range) -> Answers.fromStore(ctx, store, "health history",
                () -> queries.healthScores(area, range.from(), range.to())));
    }

    /** Checks the permission, the {@code district} parameter against the caller's scope, and {@code from}/{@code to}. */
    static void withAreaAndRange(RoutingContext ctx, java.util.function.BiConsumer<String, TimeRange> then) {
        if (!Caller.may(ctx, Permission.VIEW_HISTORY)) {
            return;
        }
        String area = ctx.request().getParam("district");
        if (!Caller.inScope(ctx, area)) {
            return;
        }
        TimeRange.of(ctx).ifPresent(range -> then.accept(area, range));
    }

    private void geo(RoutingContext ctx) {
        List<CityProfile> cities = ReferenceData.cities(Caller.of(ctx).scope());
        String wanted = ctx.request().getParam("city");
        CityProfile city = wanted == null ? cities.get(0)
                : cities.stream().filter(c -> c.id().equals(wanted)).findFirst().orElse(null);
        if (city == null) {
            Answers.error(ctx, 404, "no city '" + wanted + "' among yours");
            return;
        }
        reference.boundaries(city.id()).ifPresentOrElse(
                geoJson -> ctx.response().putHeader("content-type", "application/geo+json").end(geoJson),
                () -> Answers.error(ctx, 404, "the city profile " + city.id() + " ships no district boundaries"));
    }
}
