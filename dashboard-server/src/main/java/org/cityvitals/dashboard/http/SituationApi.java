package org.cityvitals.dashboard.http;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.feed.AlertActionPublisher;
import org.cityvitals.dashboard.situation.Situation;
import org.cityvitals.dashboard.situation.SituationIds;
import org.cityvitals.dashboard.situation.SituationStores;
import org.cityvitals.dashboard.situation.SituationView;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PermissionTable;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.store.query.ResponseTimes;
import org.cityvitals.store.situation.Delivery;
import org.cityvitals.store.situation.WorkOrder;
import org.cityvitals.indicators.catalogue.Cause;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.ResponseIndicators;
import org.cityvitals.indicators.catalogue.ResponseStep;
import org.cityvitals.indicators.signal.SignalCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Situations (事态) over REST: {@code GET /api/situations?state=open|resolved|all}, {@code GET /api/situations/{id}}
 * with the delivery log of its notifications, and {@code POST /api/situations/{id}/actions} to acknowledge, comment
 * on or resolve one (acknowledging may dispatch a work order; {@code POST /api/work-orders/{id}} moves one on, and
 * {@code GET /api/situation-causes} lists the causes a resolution chooses from). Scope and permissions work as for alerts: a situation outside the caller's scope is answered
 * like an unknown one (404); the role needs the permission of the action. A situation is acknowledged once and
 * resolved once (409 after); resolving needs a cause category and a note. An action travels like an alert action,
 * on {@code cv.alert-actions} with the situation id as its alert id (every instance and screen gets it from there),
 * and into {@code alert_actions}. {@code GET /api/situation-response-times?from=&to=} gives the operations centre's own
 * indicators: time to acknowledge and to resolve per district and hazard.
 */
record SituationApi(SituationView situations, SituationStores stores, AlertActionPublisher publisher,
                    WorkerExecutor workers) {

    /** Where the response times' levels come from, as the answer says. */
    static final String STANDARD = "the thresholds of the catalogue's operations-centre indicators "
            + "operations.time_to_acknowledge, .time_to_dispatch and .time_to_resolve (their per-hazard series where "
            + "the situation has a hazard), which follow the escalation policy";

    void mount(RouterBuilder api) {
        api.getRoute("situations").addHandler(whenCleared(Caller.requiring(Permission.VIEW_LIVE, this::list)));
        api.getRoute("situationDetail").addHandler(whenCleared(this::describe));
        api.getRoute("situationAction").addHandler(whenCleared(this::act));
        api.getRoute("situationResponseTimes").addHandler(whenCleared(Caller.requiring(Permission.VIEW_HISTORY,
                this::responseTimes)));
        api.getRoute("situationCauses").addHandler(this::causes);
        api.getRoute("workOrderStatus").addHandler(whenCleared(Caller.requiring(Permission.ASSIGN,
                this::updateWorkOrder)));
    }

    /**
     * Who is not cleared for the class every situation has ({@link SituationIds#dataClass}) is refused at once; each
     * situation is then judged by its own class ({@link SituationIds#visibleTo}).
     */
    private static Handler<RoutingContext> whenCleared(Handler<RoutingContext> then) {
        return ctx -> {
            if (Caller.cleared(ctx, SituationIds.dataClass(), "situations")) {
                then.handle(ctx);
            }
        };
    }

    /** Time to acknowledge and resolve per district and hazard, for situations opened in the range, in scope. */
    private void responseTimes(RoutingContext ctx) {
        TimeRange.of(ctx).ifPresent(range -> {
            AccessScope scope = Caller.of(ctx).scope();
            List<String> districts = ReferenceData.cities(scope).stream().flatMap(c -> c.districts().stream())
                    .map(District::code).filter(scope::allows).toList();
            ResponseIndicators levels = situations.responseIndicators();
            Answers.fromStore(ctx, workers, "response times", () -> new JsonObject()
                    .put("from", range.from().toString()).put("to", range.to().toString())
                    .put("standard", STANDARD)
                    .put("rows", new JsonArray(stores.responseTimes().perDistrictAndHazard(districts,
                            range.from(), range.to()).stream().map(row -> withLevels(row, levels)).toList())));
        });
    }

    /**
     * A row with the level of each of its means by the thresholds of the catalogue indicator judging the step for
     * the row's hazard and district; none for a step no situation of the row reached.
     */
    static JsonObject withLevels(ResponseTimes.Row row, ResponseIndicators levels) {
        JsonObject of = new JsonObject();
        putLevel(of, levels, row, ResponseStep.ACKNOWLEDGE, row.acknowledged(), row.meanMinutesToAcknowledge());
        putLevel(of, levels, row, ResponseStep.DISPATCH, row.dispatched(), row.meanMinutesToDispatch());
        putLevel(of, levels, row, ResponseStep.RESOLVE, row.resolved(), row.meanMinutesToResolve());
        return JsonObject.mapFrom(row).put("levels", of);
    }

    private static void putLevel(JsonObject of, ResponseIndicators levels, ResponseTimes.Row row, ResponseStep step,
                                 long count, double meanMinutes) {
        Optional<IndicatorDefinition> judging = levels.judging(step, row.hazard());
        if (count > 0 && judging.isPresent()) {
            of.put(WireNames.of(step), WireNames.of(judging.get().thresholdsFor(row.district(), false)
                    .levelOf(meanMinutes)));
        }
    }

    private record Listed(List<Situation> situations) {}

    private record Described(Situation situation, List<Delivery> deliveries, List<WorkOrder> workOrders) {}

    private record Causes(List<Cause> causes) {}

    private void list(RoutingContext ctx) {
        String state = Optional.ofNullable(ctx.request().getParam("state")).orElse("open");
        Answers.json(ctx, new Listed(situations.all().stream()
                .filter(s -> SituationIds.visibleTo(Caller.of(ctx), s))
                .filter(s -> state.equals("all") || state.equals(WireNames.of(s.state()))).toList()));
    }

    private void describe(RoutingContext ctx) {
        visible(ctx).ifPresent(s -> Answers.fromStore(ctx, workers, "the delivery log and work orders of " + s.id(),
                () -> new Described(s, stores.deliveries().ofSituation(s.id()),
                        stores.workOrders().ofSituation(s.id()))));
    }

    /**
     * Records the caller's action. An acknowledgement with a {@code workOrder} ({@code assignee}, {@code due},
     * optional {@code note}) also dispatches a work order: an {@code assign} action on the situation (every screen
     * sees who it went to) and a row of {@code work_orders}; that needs the assign permission too.
     */
    private void act(RoutingContext ctx) {
        Optional<Situation> found = visible(ctx);
        if (found.isEmpty()) {
            return;
        }
        Situation s = found.get();
        JsonObject body = ctx.body().asJsonObject();
        AlertActionKind kind = WireNames.parse(AlertActionKind.class, body.getString("action"));
        JsonObject order = body.getJsonObject("workOrder");
        if (!Caller.may(ctx, PermissionTable.needed(kind, Duration.ZERO))
                || order != null && !Caller.may(ctx, Permission.ASSIGN)) {
            return;
        }
        String refused = refusal(s, kind, body, order);
        if (refused != null) {
            Answers.error(ctx, refused.startsWith("situation") ? 409 : 400, refused);
            return;
        }
        String user = Caller.of(ctx).username();
        Instant now = situations.clock().instant();
        AlertAction action = new AlertAction(UUID.randomUUID().toString(), s.id(), s.district(), kind, user, null,
                null, body.getString("note"), now, kind == AlertActionKind.RESOLVE ? body.getString("cause") : null);
        WorkOrder dispatched = order == null ? null : new WorkOrder(UUID.randomUUID().toString(), s.id(),
                s.district(), order.getString("assignee"), Instant.parse(order.getString("due")), "open",
                order.getString("note"), user, now, now, 1);
        Answers.recorded(ctx, workers.executeBlocking(() -> {
            record(action);
            if (dispatched != null) {
                stores.workOrders().record(dispatched);
                record(new AlertAction(UUID.randomUUID().toString(), s.id(), s.district(), AlertActionKind.ASSIGN,
                        user, dispatched.assignee(), null, "work order " + dispatched.orderId(), now));
            }
            JsonObject answer = new JsonObject(SignalCodec.toJson(action));
            return dispatched == null ? answer : answer.put("workOrder", new JsonObject(SignalCodec.toJson(dispatched)));
        }, false), 201, "the action on situation " + s.id());
    }

    /** Publishes an action to every instance and screen and records it in ClickHouse. Blocking. */
    private void record(AlertAction action) throws Exception {
        publisher.publish(action);
        stores.alerts().record(action);
    }

    /** Why the action cannot be taken: 409 texts start with "situation", 400 texts name the missing field. */
    private String refusal(Situation s, AlertActionKind kind, JsonObject body, JsonObject order) {
        if (s.resolved() != null) {
            return "situation " + s.id() + " was already resolved by " + s.resolved().user();
        }
        if (kind == AlertActionKind.ACKNOWLEDGE && s.acknowledged() != null) {
            return "situation " + s.id() + " was already acknowledged by " + s.acknowledged().user();
        }
        if (kind == AlertActionKind.RESOLVE && situations.causes().stream()
                .noneMatch(c -> c.id().equals(body.getString("cause")))) {
            return "resolve needs a cause: one of " + String.join(", ", situations.causes().stream().map(Cause::id)
                    .toList());
        }
        if ((kind == AlertActionKind.RESOLVE || kind == AlertActionKind.COMMENT) && body.getString("note") == null) {
            return WireNames.of(kind) + " needs a note";
        }
        if (order != null && kind != AlertActionKind.ACKNOWLEDGE) {
            return "a work order is dispatched with the acknowledgement, not with " + WireNames.of(kind);
        }
        return null;
    }

    private void causes(RoutingContext ctx) {
        Answers.json(ctx, new Causes(situations.causes()));
    }

    /** Moves a work order on: {@code status} (and an optional {@code note}); 200 with the new version. */
    private void updateWorkOrder(RoutingContext ctx) {
        String id = ctx.pathParam("orderId");
        JsonObject body = ctx.body().asJsonObject();
        workers.executeBlocking(() -> {
            Optional<WorkOrder> found = stores.workOrders().find(id)
                    .filter(o -> Caller.of(ctx).scope().allows(o.district()));
            if (found.isEmpty()) {
                return found;
            }
            WorkOrder o = found.get();
            WorkOrder changed = new WorkOrder(o.orderId(), o.situationId(), o.district(), o.assignee(), o.dueAt(),
                    body.getString("status"), Optional.ofNullable(body.getString("note")).orElse(o.note()),
                    o.createdBy(), o.createdAt(), situations.clock().instant(), o.version() + 1);
            stores.workOrders().record(changed);
            return Optional.of(changed);
        }, false).onComplete(done -> {
                    if (done.failed()) {
                        Answers.error(ctx, 503, "work order " + id + " was not changed: " + done.cause().getMessage());
                    } else if (done.result().isEmpty()) {
                        Answers.error(ctx, 404, "no work order with id " + id);
                    } else {
                        Answers.json(ctx, done.result().get());
                    }
                });
    }

    /** The situation named in the path when the caller may see it; else answers 404, as for an unknown one. */
    private Optional<Situation> visible(RoutingContext ctx) {
        String id = ctx.pathParam("situationId");
        Optional<Situation> s = situations.find(id).filter(x -> SituationIds.visibleTo(Caller.of(ctx), x));
        if (s.isEmpty()) {
            Answers.error(ctx, 404, "no situation with id " + id);
        }
        return s;
    }
}
