package org.cityvitals.dashboard.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.feed.SignalBus;
import org.cityvitals.dashboard.situation.Maintenance;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PermissionTable;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.store.query.MaintenanceLog;
import org.cityvitals.store.situation.MaintenanceWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Planned work over REST: {@code POST /api/maintenance} declares a window (on a sensor, a district's network or a
 * source of incidents), {@code POST /api/maintenance/{windowId}/end} ends one early, {@code GET /api/maintenance}
 * lists those of the caller's areas. Declaring silences alerts for hours, so it needs the long-silence permission
 * and lasts at most {@link PermissionTable#LONGEST_SILENCE}. A window is recorded in ClickHouse (where every other
 * instance reads it) and taken in by this instance at once.
 */
record MaintenanceApi(Maintenance maintenance, MaintenanceLog log, WorkerExecutor workers) {

    void mount(RouterBuilder api) {
        api.getRoute("maintenanceWindows").addHandler(Caller.requiring(Permission.VIEW_LIVE, this::list));
        api.getRoute("declareMaintenance").addHandler(Caller.requiring(Permission.SILENCE_LONG, this::declare));
        api.getRoute("endMaintenance").addHandler(Caller.requiring(Permission.SILENCE_LONG, this::end));
    }

    private record Listed(List<MaintenanceWindow> windows) {}

    /** {@code state=active} (default): in force now; {@code all}: every window known that has not long ended. */
    private void list(RoutingContext ctx) {
        boolean all = "all".equals(ctx.request().getParam("state"));
        Instant now = Instant.now();
        AccessScope scope = Caller.of(ctx).scope();
        Answers.json(ctx, new Listed(maintenance.all().stream().filter(w -> visible(scope, w))
                .filter(w -> all || w.activeAt(now)).toList()));
    }

    /** A window of a district in scope, or a city-wide one of a city the caller has a district of. */
    private static boolean visible(AccessScope scope, MaintenanceWindow w) {
        return scope.allows(w.area()) || CityProfiles.isCityCode(w.area()) && CityProfiles.ofArea(w.area())
                .districts().stream().anyMatch(d -> scope.allows(d.code()));
    }

    private void declare(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        Instant now = Instant.now();
        MaintenanceWindow window;
        try {
            Maintenance.Kind kind = WireNames.parse(Maintenance.Kind.class, body.getString("kind"));
            String target = body.getString("target");
            String area = maintenance.area(kind, target, body.getString("area"));
            Instant from = Optional.ofNullable(body.getString("from")).map(Instant::parse).orElse(now);
            Instant to = Instant.parse(body.getString("to"));
            if (!from.isBefore(to) || Duration.between(from, to).compareTo(PermissionTable.LONGEST_SILENCE) > 0) {
                throw new IllegalArgumentException("from must be before to, at most "
                        + PermissionTable.LONGEST_SILENCE.toDays() + " days apart");
            }
            window = new MaintenanceWindow(UUID.randomUUID().toString(), WireNames.of(kind), target, area, from, to,
                    body.getString("reason"), Caller.of(ctx).username(), now, 1);
        } catch (DateTimeParseException e) {
            Answers.error(ctx, 400, "from and to must be ISO-8601 instants such as 2024-05-01T00:00:00Z: "
                    + e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            Answers.error(ctx, 400, e.getMessage());
            return;
        }
        if (!Caller.inScope(ctx, window.area())) {
            return;
        }
        record(ctx, window, 201);
    }

    private void end(RoutingContext ctx) {
        String id = ctx.pathParam("windowId");
        Optional<MaintenanceWindow> found = maintenance.find(id).filter(w -> visible(Caller.of(ctx).scope(), w));
        if (found.isEmpty()) {
            Answers.error(ctx, 404, "no maintenance window with id " + id);
            return;
        }
        MaintenanceWindow w = found.get();
        Instant now = Instant.now();
        if (!now.isBefore(w.to())) {
            Answers.error(ctx, 409, "maintenance window " + id + " already ended at " + w.to());
            return;
        }
        record(ctx, new MaintenanceWindow(w.windowId(), w.kind(), w.target(), w.area(), w.from().isAfter(now) ? now
                : w.from(), now, w.reason(), w.declaredBy(), w.declaredAt(), w.version() + 1), 200);
    }

    private void record(RoutingContext ctx, MaintenanceWindow window, int status) {
        Answers.recorded(ctx, workers.executeBlocking(() -> {
            log.record(window);
            return window;
        }, false).onSuccess(recorded -> {
            maintenance.apply(recorded); // answers from now on say so; the situation verticle marks and announces
            ctx.vertx().eventBus().publish(SignalBus.MAINTENANCE, recorded);
        }), status, "maintenance window " + window.windowId());
    }
}
