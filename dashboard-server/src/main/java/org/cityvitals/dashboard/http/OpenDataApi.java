package org.cityvitals.dashboard.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.open.OpenCatalogue;
import org.cityvitals.dashboard.open.RateLimiter;
import org.cityvitals.dashboard.open.ResponseCache;
import org.cityvitals.indicators.NumberText;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.store.query.OpenDataQueries;
import org.cityvitals.store.query.OpenDataQueries.HourlyValue;
import org.cityvitals.store.retention.RetentionPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The public open-data feed under {@code /open/v1} (no login): the list of open datasets in DCAT-AP terms, and the
 * hourly values of one open indicator in one area (a district or a city) over one UTC day, in JSON or CSV. Only
 * indicators classed open exist here; anything else is 404 like an unknown id. Every client address may make
 * {@value #REQUESTS_PER_MINUTE} requests a minute (then 429 with {@code Retry-After}), and each (indicator, area,
 * day) is read from ClickHouse at most once per {@link #CACHE_PERIOD}, however many ask.
 */
final class OpenDataApi {

    static final int REQUESTS_PER_MINUTE = 60;
    static final Duration CACHE_PERIOD = Duration.ofMinutes(1);
    private static final int CACHED_ANSWERS = 10_000;
    /**
     * How many days back a day may be asked: as long as the hourly rollup is kept, so that the public cannot fill the
     * cache with days that hold nothing.
     */
    static final int DAYS_SERVED = RetentionPolicy.defaults().days().get("indicator_values_hourly");

    private record HourlyKey(String indicatorId, String area, LocalDate day) {}

    private final OpenCatalogue open;
    private final OpenDataQueries queries;
    private final WorkerExecutor store;
    private final Clock clock;
    private final RateLimiter limiter = new RateLimiter(REQUESTS_PER_MINUTE, Duration.ofMinutes(1),
            Clock.systemUTC());
    private final ResponseCache<HourlyKey, List<HourlyValue>> cache = new ResponseCache<>(CACHE_PERIOD,
            CACHED_ANSWERS, Clock.systemUTC());
    private final Counter storeReads;

    /** @param clock what "today" is for the range of days served */
    OpenDataApi(OpenCatalogue open, OpenDataQueries queries, WorkerExecutor store, MeterRegistry meters, Clock clock) {
        this.open = open;
        this.clock = clock;
        this.queries = queries;
        this.store = store;
        this.storeReads = Counter.builder("cityvitals.open.store.reads")
                .description("ClickHouse reads made for the public open-data feed").register(meters);
    }

    void mount(RouterBuilder api) {
        api.getRoute("openDatasets").addHandler(ctx -> {
            if (admitted(ctx)) {
                cacheable(ctx);
                Answers.json(ctx, open.dcat());
            }
        });
        api.getRoute("openHourly").addHandler(this::hourly);
    }

    /** Takes a token of the caller's address; past the rate limit answers 429 with the seconds to wait. */
    private boolean admitted(RoutingContext ctx) {
        Optional<Duration> wait = limiter.acquire(ctx.request().remoteAddress().hostAddress());
        wait.ifPresent(w -> {
            long seconds = Math.max(1, (w.toMillis() + 999) / 1000);
            ctx.response().putHeader("Retry-After", String.valueOf(seconds));
            Answers.error(ctx, 429, "more than " + REQUESTS_PER_MINUTE + " requests a minute from your address: "
                    + "retry in " + seconds + " s");
        });
        return wait.isEmpty();
    }

    private void hourly(RoutingContext ctx) {
        if (!admitted(ctx)) {
            return;
        }
        String indicatorId = ctx.pathParam("indicatorId");
        Optional<IndicatorDefinition> dataset = open.dataset(indicatorId);
        if (dataset.isEmpty()) {
            Answers.error(ctx, 404, "no open dataset '" + indicatorId + "': GET " + OpenCatalogue.BASE
                    + "/datasets lists them");
            return;
        }
        String area = ctx.request().getParam("area");
        if (!knownArea(area)) {
            Answers.error(ctx, 404, "no district or city with code '" + area + "'");
            return;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(ctx.request().getParam("day"));
        } catch (DateTimeParseException e) {
            Answers.error(ctx, 400, "day must be a date like 2026-11-30, was " + ctx.request().getParam("day"));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(DAYS_SERVED);
        if (day.isBefore(first) || day.isAfter(today)) {
            Answers.error(ctx, 400, "day must be from " + first + " to " + today + " (the " + DAYS_SERVED
                    + " days the hourly values are kept), was " + day);
            return;
        }
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(Duration.ofDays(1));
        boolean csv = "csv".equals(ctx.request().getParam("format"));
        cache.get(new HourlyKey(indicatorId, area, day), () -> store.executeBlocking(() -> {
            storeReads.increment();
            return queries.hourly(indicatorId, area, from, to);
        }, false)).onComplete(values -> {
            if (values.failed()) {
                Answers.error(ctx, 503, "open data is unavailable: " + values.cause().getMessage());
                return;
            }
            cacheable(ctx);
            ctx.response().putHeader("Link", "<" + OpenCatalogue.LICENCE + ">; rel=\"license\"");
            if (csv) {
                ctx.response().putHeader("content-type", "text/csv; charset=utf-8").end(csv(values.result()));
            } else {
                Answers.json(ctx, json(dataset.get(), area, day, values.result()));
            }
        });
    }

    private static boolean knownArea(String area) {
        try {
            CityProfiles.ofArea(area);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** Lets browsers and proxies keep an answer as long as the feed itself does. */
    private static void cacheable(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "public, max-age=" + CACHE_PERIOD.toSeconds());
    }

    private JsonObject json(IndicatorDefinition d, String area, LocalDate day, List<HourlyValue> values) {
        return new JsonObject().put("dataset", d.id()).put("nameZh", d.nameZh()).put("nameEn", d.nameEn())
                .put("unit", d.unit()).put("area", area).put("day", day.toString())
                .put("licence", OpenCatalogue.LICENCE).put("attribution", open.attribution(d))
                .put("values", new JsonArray(values.stream().map(v -> new JsonObject()
                        .put("hour", v.hour().toString()).put("mean", v.mean()).put("min", v.min())
                        .put("max", v.max()).put("windows", v.windows())).toList()));
    }

    private static String csv(List<HourlyValue> values) {
        StringBuilder csv = new StringBuilder("hour,mean,min,max,windows\n");
        for (HourlyValue v : values) {
            csv.append(v.hour()).append(',').append(NumberText.of(v.mean())).append(',')
                    .append(NumberText.of(v.min())).append(',').append(NumberText.of(v.max())).append(',')
                    .append(v.windows()).append('\n');
        }
        return csv.toString();
    }
}
