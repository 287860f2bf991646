package org.cityvitals.dashboard.http;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.feed.AlertActionPublisher;
import org.cityvitals.dashboard.situation.CauseCategory;
import org.cityvitals.dashboard.situation.Situation;
import org.cityvitals.dashboard.situation.SituationIds;
import org.cityvitals.dashboard.situation.SituationView;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PermissionTable;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.store.query.AlertQueries;
import org.cityvitals.store.query.DeliveryLog;
import org.cityvitals.store.query.ResponseTimes;
import org.cityvitals.store.situation.Delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Situations (事态) over REST: {@code GET /api/situations?state=open|resolved|all}, {@code GET /api/situations/{id}}
 * with the delivery log of its notifications, and {@code POST /api/situations/{id}/actions} to acknowledge, comment
 * on or resolve one. Scope and permissions work as for alerts: a situation outside the caller's scope is answered
 * like an unknown one (404); the role needs the permission of the action. A situation is acknowledged once and
 * resolved once (409 after); resolving needs a cause category and a note. An action travels like an alert action,
 * on {@code cv.alert-actions} with the situation id as its alert id (every instance and screen gets it from there),
 * and into {@code alert_actions}. {@code GET /api/situation-response-times?from=&to=} gives the operations centre's own
 * indicators: time to acknowledge and to resolve per district and hazard.
 */
final class SituationApi {

    private final SituationView situations;
    private final AlertQueries alerts;
    private final DeliveryLog deliveries;
    private final ResponseTimes responseTimes;
    private final AlertActionPublisher publisher;
    private final WorkerExecutor workers;

    SituationApi(SituationView situations, AlertQueries alerts, DeliveryLog deliveries, ResponseTimes responseTimes,
                 AlertActionPublisher publisher, WorkerExecutor workers) {
        this.situations = situations;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.responseTimes = responseTimes;
        this.publisher = publisher;
        this.workers = workers;
    }

    void mount(RouterBuilder api) {
        api.getRoute("situations").addHandler(whenCleared(this::list));
        api.getRoute("situationDetail").addHandler(whenCleared(this::describe));
        api.getRoute("situationAction").addHandler(whenCleared(this::act));
        api.getRoute("situationResponseTimes").addHandler(whenCleared(this::responseTimes));
    }

    /** Situations are of the class of the alerts they group ({@link SituationIds#dataClass}). */
    private static Handler<RoutingContext> whenCleared(Handler<RoutingContext> then) {
        return ctx -> {
            if (Caller.cleared(ctx, SituationIds.dataClass(), "situations")) {
                then.handle(ctx);
            }
        };
    }

    /** Time to acknowledge and resolve per district and hazard, for situations opened in the range, in scope. */
    private void responseTimes(RoutingContext ctx) {
        if (!Caller.may(ctx, Permission.VIEW_HISTORY)) {
            return;
        }
        TimeRange.of(ctx).ifPresent(range -> {
            AccessScope scope = Caller.of(ctx).scope();
            List<String> districts = ReferenceData.cities(scope).stream().flatMap(c -> c.districts().stream())
                    .map(District::code).filter(scope::allows).toList();
            Answers.fromStore(ctx, workers, "response times", () -> new JsonObject()
                    .put("from", range.from().toString()).put("to", range.to().toString())
                    .put("rows", new JsonArray(responseTimes.perDistrictAndHazard(districts,
                            range.from(), range.to()).stream().map(JsonObject::mapFrom).toList())));
        });
    }

    private record Listed(List<Situation> situations) {}

    private record Described(Situation situation, List<Delivery> deliveries) {}

    private void list(RoutingContext ctx) {
        if (!Caller.may(ctx, Permission.VIEW_LIVE)) {
            return;
        }
        String state = Optional.ofNullable(ctx.request().getParam("state")).orElse("open");
        Answers.json(ctx, new Listed(situations.all().stream()
                .filter(s -> Caller.of(ctx).scope().allows(s.district()))
                .filter(s -> state.equals("all") || state.equals(WireNames.of(s.state()))).toList()));
    }

    private void describe(RoutingContext ctx) {
        visible(ctx).ifPresent(s -> Answers.fromStore(ctx, workers, "the delivery log of " + s.id(),
                () -> new Described(s, deliveries.ofSituation(s.id()))));
    }

    private void act(RoutingContext ctx) {
        Optional<Situation> found = visible(ctx);
        if (found.isEmpty()) {
            return;
        }
        Situation s = found.get();
        JsonObject body = ctx.body().asJsonObject();
        AlertActionKind kind = WireNames.parse(AlertActionKind.class, body.getString("action"));
        if (!Caller.may(ctx, PermissionTable.needed(kind, Duration.ZERO))) {
            return;
        }
        String refused = refusal(s, kind, body);
        if (refused != null) {
            Answers.error(ctx, refused.startsWith("situation") ? 409 : 400, refused);
            return;
        }
        String note = body.getString("note");
        if (kind == AlertActionKind.RESOLVE) {
            note = WireNames.parse(CauseCategory.class, body.getString("cause")).tag(note);
        }
        AlertAction action = new AlertAction(UUID.randomUUID().toString(), s.id(), s.district(), kind,
                Caller.of(ctx).username(), null, null, note, Instant.now());
        workers.executeBlocking(() -> {
            publisher.publish(action);
            alerts.record(action);
            return action;
        }, false).onSuccess(recorded -> Answers.json(ctx, 201, recorded))
                .onFailure(e -> Answers.error(ctx, 503, "the action on situation " + s.id() + " was not recorded: "
                        + e.getMessage()));
    }

    /** Why the action cannot be taken: 409 texts start with "situation", 400 texts name the missing field. */
    private static String refusal(Situation s, AlertActionKind kind, JsonObject body) {
        if (s.resolved() != null) {
            return "situation " + s.id() + " was already resolved by " + s.resolved().user();
        }
        if (kind == AlertActionKind.ACKNOWLEDGE && s.acknowledged() != null) {
            return "situation " + s.id() + " was already acknowledged by " + s.acknowledged().user();
        }
        if (kind == AlertActionKind.RESOLVE && body.getString("cause") == null) {
            return "resolve needs a cause: one of " + String.join(", ", Arrays.stream(CauseCategory.values())
                    .map(WireNames::of).toList());
        }
        if ((kind == AlertActionKind.RESOLVE || kind == AlertActionKind.COMMENT) && body.getString("note") == null) {
            return WireNames.of(kind) + " needs a note";
        }
        return null;
    }

    /** The situation named in the path when the caller may see it; else answers 404. */
    private Optional<Situation> visible(RoutingContext ctx) {
        String id = ctx.pathParam("situationId");
        Optional<Situation> s = situations.find(id).filter(x -> Caller.of(ctx).scope().allows(x.district()));
        if (s.isEmpty()) {
            Answers.error(ctx, 404, "no situation with id " + id);
        }
        return s;
    }
}
