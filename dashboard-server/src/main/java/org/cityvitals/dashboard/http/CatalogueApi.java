package org.cityvitals.dashboard.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.ItemKind;
import org.cityvitals.indicators.governance.MetadataCatalogue;
import org.cityvitals.indicators.governance.Owner;
import org.cityvitals.store.query.CatalogueQueries;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/catalogue?q=}: the metadata catalogue — every source, metric, indicator, dataset and table with
 * names, class, owner, unit, update period and lineage both ways, generated from the data standard — with live
 * freshness from ClickHouse: the newest data of each source, metric and indicator over the last day, its lag, and
 * whether it is stale (older than {@value ScreenApi#STALE_AFTER_WINDOWS} of its update periods, as the screens judge
 * an indicator; a sensor network is as fresh as its freshest metric). Metadata, so every logged-in user sees every
 * item with its class.
 */
record CatalogueApi(MetadataCatalogue catalogue, Classification classification, CatalogueQueries queries,
                    WorkerExecutor store) {

    private static final Duration LOOK_BACK = Duration.ofDays(1);

    void mount(RouterBuilder api) {
        api.getRoute("catalogue").addHandler(this::list);
    }

    private void list(RoutingContext ctx) {
        String query = ctx.request().getParam("q");
        Instant now = Instant.now();
        Answers.fromStore(ctx, store, "the catalogue's freshness", () -> {
            Map<String, Instant> newest = queries.newestSince(now.minus(LOOK_BACK));
            return new JsonObject().put("serverTime", now.toString())
                    .put("items", new JsonArray(catalogue.search(query, classification).stream()
                            .map(item -> json(item, newest, now)).toList()));
        });
    }

    private JsonObject json(MetadataCatalogue.Item item, Map<String, Instant> newest, Instant now) {
        Owner owner = classification.owner(item.owner()).orElseThrow();
        return new JsonObject().put("ref", item.ref()).put("kind", WireNames.of(item.kind())).put("id", item.id())
                .put("nameZh", item.nameZh()).put("nameEn", item.nameEn())
                .put("class", WireNames.of(item.dataClass()))
                .put("owner", new JsonObject().put("id", owner.id()).put("nameZh", owner.nameZh())
                        .put("nameEn", owner.nameEn()))
                .put("unit", item.unit())
                .put("updateEverySeconds", item.updateEvery() == null ? null : item.updateEvery().toSeconds())
                .put("from", new JsonArray(item.from())).put("to", new JsonArray(item.to()))
                .put("freshness", item.updateEvery() == null ? null : freshness(item, newest, now));
    }

    private JsonObject freshness(MetadataCatalogue.Item item, Map<String, Instant> newest, Instant now) {
        Instant last = newest.get(item.ref());
        if (last == null && item.kind() == ItemKind.SOURCE) {
            last = item.to().stream().map(newest::get).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        }
        Duration staleAfter = item.updateEvery().multipliedBy(ScreenApi.STALE_AFTER_WINDOWS);
        Duration lag = last == null ? null : Duration.between(last, now);
        return new JsonObject().put("newest", last == null ? null : last.toString())
                .put("lagSeconds", lag == null ? null : lag.toSeconds())
                .put("staleAfterSeconds", staleAfter.toSeconds())
                .put("stale", lag == null || lag.compareTo(staleAfter) > 0);
    }
}
