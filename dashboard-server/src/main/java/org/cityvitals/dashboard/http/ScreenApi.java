package org.cityvitals.dashboard.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.auth.DashboardUser;
import org.cityvitals.dashboard.auth.Scope;
import org.cityvitals.dashboard.live.LiveHub;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.store.query.ScreenQueries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What the operations screens need beyond the core API, under {@code /api/screen/} (authenticated by the
 * {@code /api/*} handler of {@link RestApi}):
 * <ul>
 * <li>{@code GET freshness}: when each indicator's data counts as stale, and whether the pipeline is delivering;</li>
 * <li>{@code GET incidents?district=}: new cases per channel and hour over the last 24 h and the 12345 categories
 *     rising fastest, for one district or, without the parameter, every district in the caller's scope;</li>
 * <li>{@code GET alert-episodes?indicator=&district=&from=&to=}: the alert episodes an indicator chart marks.</li>
 * </ul>
 */
final class ScreenApi {

    /**
     * Data older than two of its windows is stale. "Window" is the indicator's emission period (its slide): a
     * 1-hour window sliding every 5 minutes is due every 5 minutes, so it is stale after 10.
     */
    static final int STALE_AFTER_WINDOWS = 2;
    private static final Duration INCIDENT_HISTORY = Duration.ofHours(24);
    private static final Scope EVERYWHERE = new Scope(true, Set.of());

    private final CityProfile city;
    private final IndicatorCatalogue catalogue;
    private final ScreenQueries queries;
    private final JsonObject staleAfterSeconds;
    private final Duration pipelineStaleAfter;

    ScreenApi(CityProfile city, IndicatorCatalogue catalogue, ScreenQueries queries) {
        this.city = city;
        this.catalogue = catalogue;
        this.queries = queries;
        this.staleAfterSeconds = new JsonObject();
        catalogue.all().forEach(d -> staleAfterSeconds.put(d.id(), staleAfter(d).toSeconds()));
        // the catalogue's most frequent indicators set the pace at which a delivering pipeline shows new windows
        this.pipelineStaleAfter = catalogue.all().stream().map(ScreenApi::staleAfter).min(Duration::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("the indicator catalogue is empty"));
    }

    private static Duration staleAfter(IndicatorDefinition d) {
        return d.window().slide().multipliedBy(STALE_AFTER_WINDOWS);
    }

    void mount(Router router, Vertx vertx, Authenticator auth, LiveHub live) {
        router.get("/api/screen/freshness").handler(ctx -> ctx.json(freshness(live, Instant.now())));
        router.get("/api/screen/incidents").handler(ctx -> withUser(ctx, auth, user -> incidents(ctx, vertx, user)));
        router.get("/api/screen/alert-episodes")
                .handler(ctx -> withUser(ctx, auth, user -> alertEpisodes(ctx, vertx, user)));
    }

    /**
     * The pipeline counts as delivering while the newest window end of any indicator anywhere is younger than the
     * stale age of the most frequent indicators. It says nothing about any one district, so every user may see it.
     */
    JsonObject freshness(LiveHub live, Instant now) {
        Instant newest = live.latest(EVERYWHERE).stream().map(IndicatorValue::windowEnd)
                .max(Instant::compareTo).orElse(null);
        boolean delivering = newest != null && Duration.between(newest, now).compareTo(pipelineStaleAfter) <= 0;
        return new JsonObject().put("serverTime", now.toString())
                .put("pipeline", new JsonObject().put("delivering", delivering)
                        .put("newestWindowEnd", newest == null ? null : newest.toString())
                        .put("staleAfterSeconds", pipelineStaleAfter.toSeconds()))
                .put("staleAfterSeconds", staleAfterSeconds);
    }

    private void incidents(RoutingContext ctx, Vertx vertx, DashboardUser user) {
        String district = ctx.request().getParam("district");
        List<String> districts;
        if (district == null || district.equals(city.code())) {
            districts = city.districts().stream().map(District::code).filter(user.scope()::allows).toList();
        } else if (user.scope().allows(district)) {
            districts = List.of(district);
        } else {
            RestApi.fail(ctx, 403, "district " + district + " is outside your scope");
            return;
        }
        Instant now = Instant.now();
        answerFromStore(ctx, vertx, "incidents", () -> new JsonObject()
                .put("districts", new JsonArray(districts))
                .put("from", now.minus(INCIDENT_HISTORY).toString()).put("to", now.toString())
                .put("perHour", json(queries.incidentsPerHour(districts, now.minus(INCIDENT_HISTORY), now)))
                .put("risingHotlineCategories", json(queries.risingHotlineCategories(districts, now))));
    }

    private void alertEpisodes(RoutingContext ctx, Vertx vertx, DashboardUser user) {
        String indicator = ctx.request().getParam("indicator");
        String district = ctx.request().getParam("district");
        if (indicator == null || catalogue.byId(indicator).isEmpty()) {
            RestApi.fail(ctx, 400, "indicator must name a catalogue entry (GET /api/indicators), was " + indicator);
            return;
        }
        if (district == null) {
            RestApi.fail(ctx, 400, "district is required: a district code or the city's code");
            return;
        }
        if (!user.scope().allows(district)) {
            RestApi.fail(ctx, 403, "district " + district + " is outside your scope");
            return;
        }
        TimeRange range;
        try {
            range = TimeRange.of(ctx.request());
        } catch (IllegalArgumentException e) {
            RestApi.fail(ctx, 400, e.getMessage());
            return;
        }
        answerFromStore(ctx, vertx, "alert episodes", () -> new JsonObject()
                .put("episodes", json(queries.alertEpisodes(indicator, district, range.from(), range.to()))));
    }

    private static void withUser(RoutingContext ctx, Authenticator auth, Consumer<DashboardUser> handler) {
        auth.current(ctx.user().subject()).onSuccess(handler::accept)
                .onFailure(e -> RestApi.fail(ctx, 401, e.getMessage()));
    }

    /** Runs a ClickHouse query off the event loop; 503 naming {@code what} if it fails. */
    private static void answerFromStore(RoutingContext ctx, Vertx vertx, String what, Callable<JsonObject> query) {
        vertx.executeBlocking(query)
                .onSuccess(ctx::json)
                .onFailure(e -> RestApi.fail(ctx, 503, what + " are unavailable: " + e.getMessage()));
    }

    /** Records as the platform's JSON (ISO instants, lower-case enums). */
    private static JsonArray json(List<?> rows) {
        return new JsonArray(SignalCodec.toJson(rows));
    }
}
