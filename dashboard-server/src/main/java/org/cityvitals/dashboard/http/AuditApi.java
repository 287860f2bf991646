package org.cityvitals.dashboard.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.ItemKind;
import org.cityvitals.store.audit.AuditEntry;

/**
 * {@code GET /api/admin/audit?from&to&limit}: the audit log, newest first, for those with {@code view_audit}. Reading
 * it is itself a read of sensitive data (it names people and what they looked at), so it is recorded before it is
 * answered.
 */
record AuditApi(Audit audit, WorkerExecutor store) {

    private static final String TABLE = "audit_log";
    private static final int DEFAULT_LIMIT = 1000;

    void mount(RouterBuilder api) {
        api.getRoute("audit").addHandler(Caller.requiring(Permission.VIEW_AUDIT, this::list));
    }

    private void list(RoutingContext ctx) {
        if (!Caller.cleared(ctx, Classification.loadDefault().classOf(ItemKind.TABLE, TABLE), "the audit log")) {
            return;
        }
        String limitParam = ctx.request().getParam("limit");
        int limit = limitParam == null ? DEFAULT_LIMIT : Integer.parseInt(limitParam);
        TimeRange.of(ctx).ifPresent(range -> readRecorded(ctx, range, limit));
    }

    /** A sensitive read that cannot be recorded is not served. */
    private void readRecorded(RoutingContext ctx, TimeRange range, int limit) {
        audit.record(ctx, Audit.READ_SENSITIVE, TABLE, "from " + range.from() + " to " + range.to()).onComplete(
                recorded -> {
                    if (recorded.failed()) {
                        Answers.error(ctx, 503, "the audit log cannot record this read: "
                                + recorded.cause().getMessage());
                        return;
                    }
                    Answers.fromStore(ctx, store, "the audit log", () -> new JsonObject().put("entries",
                            new JsonArray(audit.log().entries(range.from(), range.to(), limit).stream()
                                    .map(AuditApi::json).toList())));
                });
    }

    private static JsonObject json(AuditEntry e) {
        return new JsonObject().put("at", e.at().toString()).put("actor", e.actor()).put("action", e.action())
                .put("target", e.target()).put("detail", e.detail());
    }
}
