package org.cityvitals.dashboard.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.backfill.BackfillRunner;
import org.cityvitals.dashboard.backfill.BackfillStatus;
import org.cityvitals.indicators.access.Permission;

import java.util.List;

/**
 * Backfills started by an admin (each start is in the audit log): {@code POST /api/admin/backfills} with {@code cityvitals replay}'s arguments answers
 * 202 with the queued backfill, {@code GET /api/admin/backfills[/{id}]} follows it until it has succeeded (its
 * results queryable) or failed. Without a runner (a server started alone) every one of them answers 501.
 *
 * @param runner null when this server cannot run backfills
 */
record BackfillApi(BackfillRunner runner, Audit audit) {

    void mount(RouterBuilder api) {
        api.getRoute("startBackfill").addHandler(whenAllowed(this::start));
        api.getRoute("backfills").addHandler(whenAllowed(ctx -> Answers.json(ctx, runner.all())));
        api.getRoute("backfill").addHandler(whenAllowed(ctx -> {
            String id = ctx.pathParam("backfillId");
            runner.status(id).ifPresentOrElse(status -> Answers.json(ctx, status),
                    () -> Answers.error(ctx, 404, "no backfill " + id));
        }));
    }

    /** For admins, on a server that can run backfills. */
    private Handler<RoutingContext> whenAllowed(Handler<RoutingContext> then) {
        return Caller.requiring(Permission.RUN_BACKFILLS, ctx -> {
            if (runner == null) {
                Answers.error(ctx, 501, "this server was started without a backfill runner: start backfills with "
                        + "./cityvitals replay, or run the dashboard through ./cityvitals (demo or dashboard)");
            } else {
                then.handle(ctx);
            }
        });
    }

    private void start(RoutingContext ctx) {
        JsonArray arguments = ctx.body().asJsonObject().getJsonArray("arguments");
        List<String> args = arguments.stream().map(String::valueOf).toList();
        BackfillStatus queued;
        try {
            queued = runner.start(args, Caller.of(ctx).username());
        } catch (IllegalArgumentException e) {
            Answers.error(ctx, 400, e.getMessage());
            return;
        }
        // a backfill rewrites stored history: a change to the record, audited
        audit.record(ctx, "backfill_started", queued.id(), String.join(" ", args));
        ctx.response().putHeader("Location", "/api/admin/backfills/" + queued.id());
        Answers.json(ctx, 202, queued);
    }
}
