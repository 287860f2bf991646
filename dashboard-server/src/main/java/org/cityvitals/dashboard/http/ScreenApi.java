package org.cityvitals.dashboard.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.live.Audience;
import org.cityvitals.dashboard.live.LiveState;
import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.ItemKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.store.query.ScreenQueries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the operations screens need beyond the core API, under {@code /api/screen/} (operations of the OpenAPI
 * description, authenticated like every {@code /api/} path):
 * <ul>
 * <li>{@code GET freshness}: when each indicator's data counts as stale, and whether the pipeline is delivering the
 *     caller's areas;</li>
 * <li>{@code GET incidents?district=}: new cases per channel and hour over the last 24 h and the 12345 categories
 *     rising fastest, for one district or, given a city's code or nothing, every district of that city (the caller's
 *     first city) in the caller's scope;</li>
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

    private final IndicatorCatalogue catalogue;
    private final ScreenQueries queries;
    private final LiveState live;
    private final WorkerExecutor store;
    private final JsonObject staleAfterSeconds;
    private final Duration pipelineStaleAfter;

    ScreenApi(IndicatorCatalogue catalogue, ScreenQueries queries, LiveState live, WorkerExecutor store) {
        this.catalogue = catalogue;
        this.queries = queries;
        this.live = live;
        this.store = store;
        this.staleAfterSeconds = new JsonObject();
        catalogue.all().forEach(d -> staleAfterSeconds.put(d.id(), staleAfter(d).toSeconds()));
        // the catalogue's most frequent indicators set the pace at which a delivering pipeline shows new windows
        this.pipelineStaleAfter = catalogue.all().stream().map(ScreenApi::staleAfter).min(Duration::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("the indicator catalogue is empty"));
    }

    private static Duration staleAfter(IndicatorDefinition d) {
        return d.window().slide().multipliedBy(STALE_AFTER_WINDOWS);
    }

    void mount(RouterBuilder api) {
        api.getRoute("screenFreshness").addHandler(Caller.requiring(Permission.VIEW_LIVE,
                ctx -> Answers.json(ctx, freshness(Audience.of(Caller.of(ctx)), Instant.now()))));
        api.getRoute("screenIncidents").addHandler(Caller.requiring(Permission.VIEW_HISTORY, this::incidents));
        api.getRoute("screenAlertEpisodes").addHandler(this::alertEpisodes);
    }

    /**
     * The pipeline counts as delivering while the newest window end of any indicator in the caller's areas is younger
     * than the stale age of the most frequent indicators.
     */
    JsonObject freshness(Audience audience, Instant now) {
        Instant newest = live.latest(audience).stream().map(IndicatorValue::windowEnd)
                .max(Instant::compareTo).orElse(null);
        boolean delivering = newest != null && Duration.between(newest, now).compareTo(pipelineStaleAfter) <= 0;
        return new JsonObject().put("serverTime", now.toString())
                .put("pipeline", new JsonObject().put("delivering", delivering)
                        .put("newestWindowEnd", newest == null ? null : newest.toString())
                        .put("staleAfterSeconds", pipelineStaleAfter.toSeconds()))
                .put("staleAfterSeconds", staleAfterSeconds);
    }

    private void incidents(RoutingContext ctx) {
        if (!Caller.cleared(ctx, Classification.loadDefault().classOf(ItemKind.TABLE, "incidents"),
                "the incident record")) {
            return;
        }
        AccessScope scope = Caller.of(ctx).scope();
        String area = ctx.request().getParam("district");
        List<String> districts;
        if (area == null || CityProfiles.isCityCode(area)) {
            CityProfile city = area == null ? ReferenceData.cities(scope).get(0) : CityProfiles.ofArea(area);
            districts = city.districts().stream().map(District::code).filter(scope::allows).toList();
        } else if (scope.allows(area)) {
            districts = List.of(area);
        } else {
            Answers.error(ctx, 403, "district " + area + " is outside your scope");
            return;
        }
        Instant now = Instant.now();
        Answers.fromStore(ctx, store, "incidents", () -> new JsonObject()
                .put("districts", new JsonArray(districts))
                .put("from", now.minus(INCIDENT_HISTORY).toString()).put("to", now.toString())
                .put("perHour", json(queries.incidentsPerHour(districts, now.minus(INCIDENT_HISTORY), now)))
                .put("risingHotlineCategories", json(queries.risingHotlineCategories(districts, now))));
    }

    private void alertEpisodes(RoutingContext ctx) {
        String indicator = ctx.request().getParam("indicator");
        if (catalogue.byId(indicator).isEmpty()) {
            Answers.error(ctx, 400, "indicator must name a catalogue entry (GET /api/indicators), was " + indicator);
            return;
        }
        if (!Caller.clearedForAlertsOn(ctx, indicator)) {
            return;
        }
        RestApi.withAreaAndRange(ctx, (area, range) -> Answers.fromStore(ctx, store, "alert episodes",
                () -> new JsonObject().put("episodes",
                        json(queries.alertEpisodes(indicator, area, range.from(), range.to())))));
    }

    /** Records as the platform's JSON (ISO instants, lower-case enums). */
    private static JsonArray json(List<?> rows) {
        return new JsonArray(SignalCodec.toJson(rows));
    }
}
