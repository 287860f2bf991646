package org.cityvitals.dashboard.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.city.District;
import org.cityvitals.store.query.HandoverNotes;
import org.cityvitals.store.situation.HandoverNote;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Shift handover notes: {@code POST /api/handover-notes} {@code {"area","note"}} leaves a note for the next shift of
 * an area in the caller's scope (a district, or a city's code for its operations centre); {@code GET
 * /api/handover-notes[?area=&hours=]} lists the notes of the caller's areas, or of one of them, written in the last
 * {@code hours} (default 24), newest first, at most {@link #MAX_NOTES}. Writing needs the comment permission (the
 * roles that handle alerts); reading, live data. A note is a row of {@code handover_notes} naming its author and
 * time, like an action on an alert, and is never changed.
 */
record HandoverApi(HandoverNotes notes, WorkerExecutor workers) {

    static final int MAX_NOTES = 50;
    private static final int DEFAULT_HOURS = 24;

    void mount(RouterBuilder api) {
        api.getRoute("handoverNotes").addHandler(Caller.requiring(Permission.VIEW_LIVE, this::list));
        api.getRoute("writeHandoverNote").addHandler(Caller.requiring(Permission.COMMENT, this::write));
    }

    private record Listed(List<HandoverNote> notes) {}

    private void list(RoutingContext ctx) {
        AccessScope scope = Caller.of(ctx).scope();
        String area = ctx.request().getParam("area");
        if (area != null && !Caller.inScope(ctx, area)) {
            return;
        }
        List<String> areas = area != null ? List.of(area) : areasIn(scope);
        int hours = Optional.ofNullable(ctx.request().getParam("hours")).map(Integer::parseInt).orElse(DEFAULT_HOURS);
        Instant since = Instant.now().minus(Duration.ofHours(hours));
        Answers.fromStore(ctx, workers, "handover notes", () -> new Listed(notes.recent(areas, since, MAX_NOTES)));
    }

    private void write(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String area = body.getString("area");
        if (!Caller.of(ctx).scope().allows(area)) {
            Answers.error(ctx, 403, "area " + area + " is outside your scope: a handover note goes to a shift of "
                    + "your own districts");
            return;
        }
        HandoverNote note = new HandoverNote(UUID.randomUUID().toString(), area, Caller.of(ctx).username(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), body.getString("note"));
        Answers.recorded(ctx, workers.executeBlocking(() -> {
            notes.record(note);
            return note;
        }, false), 201, "the handover note");
    }

    /** Every area of the caller's scope: the districts, and the city's own code where the scope holds it. */
    private static List<String> areasIn(AccessScope scope) {
        return ReferenceData.cities(scope).stream()
                .flatMap(c -> Stream.concat(Stream.of(c.code()), c.districts().stream().map(District::code)))
                .filter(scope::allows).toList();
    }
}
