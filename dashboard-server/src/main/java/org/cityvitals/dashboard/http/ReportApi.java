package org.cityvitals.dashboard.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.situation.Situation;
import org.cityvitals.dashboard.situation.SituationIds;
import org.cityvitals.dashboard.situation.SituationView;
import org.cityvitals.indicators.NumberText;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.store.query.ReportQueries;
import org.cityvitals.store.query.ResponseTimes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The daily report of a district or a city: {@code GET /api/reports/daily?area=&day=} — the situations opened that
 * (local) day, the operations centre's response times with their levels, and the indicators whose alerts were worst —
 * as JSON, or with {@code format=markdown} as a printable file. Situations come from the live view, which keeps a
 * resolved situation for a day after its last change: the report is complete for today and yesterday; response times
 * and the worst indicators come from ClickHouse for any day.
 */
record ReportApi(SituationView situations, ResponseTimes responseTimes, ReportQueries reports,
                 IndicatorCatalogue catalogue, WorkerExecutor workers) {

    void mount(RouterBuilder api) {
        api.getRoute("dailyReport").addHandler(Caller.requiring(Permission.VIEW_HISTORY, this::daily));
    }

    private void daily(RoutingContext ctx) {
        if (!Caller.cleared(ctx, SituationIds.dataClass(), "situations")) {
            return;
        }
        String area = ctx.request().getParam("area");
        if (!Caller.inScope(ctx, area)) {
            return;
        }
        AccessScope scope = Caller.of(ctx).scope();
        CityProfile city = CityProfiles.ofArea(area);
        LocalDate day;
        try {
            day = Optional.ofNullable(ctx.request().getParam("day")).map(LocalDate::parse)
                    .orElse(LocalDate.now(city.zone()));
        } catch (DateTimeParseException e) {
            Answers.error(ctx, 400, "day must be a date such as 2026-06-15: " + e.getMessage());
            return;
        }
        Instant from = day.atStartOfDay(city.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(city.zone()).toInstant();
        List<String> districts = area.equals(city.code())
                ? city.districts().stream().map(District::code).filter(scope::allows).toList() : List.of(area);
        List<Situation> opened = situations.all().stream().filter(s -> districts.contains(s.district()))
                .filter(s -> SituationIds.visibleTo(Caller.of(ctx), s))
                .filter(s -> !s.openedAt().isBefore(from) && s.openedAt().isBefore(to)).toList();
        boolean markdown = "markdown".equals(ctx.request().getParam("format"));
        workers.executeBlocking(() -> new JsonObject().put("area", area).put("day", day.toString())
                .put("zone", city.zone().getId()).put("from", from.toString()).put("to", to.toString())
                .put("situations", new JsonArray(SignalCodec.toJson(opened)))
                .put("responseTimes", new JsonArray(responseTimes.perDistrictAndHazard(districts, from, to).stream()
                        .map(row -> SituationApi.withLevels(row, situations.responseIndicators())).toList()))
                .put("worstIndicators", new JsonArray(reports.worstIndicators(districts, from, to).stream()
                        .map(w -> new JsonObject().put("indicatorId", w.indicatorId())
                                .put("worstLevel", WireNames.of(w.worstLevel())).put("episodes", w.episodes()))
                        .toList())), false)
                .onFailure(e -> Answers.error(ctx, 503, "the daily report is unavailable: " + e.getMessage()))
                .onSuccess(report -> {
                    if (!markdown) {
                        Answers.json(ctx, report);
                        return;
                    }
                    ctx.response().putHeader("content-type", "text/markdown; charset=utf-8")
                            .putHeader("content-disposition", "attachment; filename=\"cityvitals-daily-" + area + "-"
                                    + day + ".md\"")
                            .end(markdown(report, city));
                });
    }

    /** The report as a printable Markdown file, in both languages like the screens. */
    private String markdown(JsonObject r, CityProfile city) {
        String area = r.getString("area");
        String name = area.equals(city.code()) ? city.nameZh() + " " + city.nameEn()
                : city.district(area).map(d -> d.nameZh() + " " + d.nameEn()).orElse(area);
        StringBuilder md = new StringBuilder("# 日报 Daily report · ").append(name).append(" · ")
                .append(r.getString("day")).append("\n\n").append(r.getString("from")).append(" – ")
                .append(r.getString("to")).append(" (").append(r.getString("zone")).append(")\n\n");
        JsonArray opened = r.getJsonArray("situations");
        md.append("## 事态 Situations: ").append(opened.size()).append("\n\n")
                .append("| Opened | Situation | Level | State | Acknowledged by | Cause |\n|---|---|---|---|---|---|\n");
        opened.stream().map(JsonObject.class::cast).forEach(s -> md.append("| ").append(s.getString("openedAt"))
                .append(" | ").append(s.getJsonObject("title").getString("en")).append(" | ")
                .append(s.getString("level")).append(" | ").append(s.getString("state")).append(" | ")
                .append(Optional.ofNullable(s.getJsonObject("acknowledged")).map(a -> a.getString("user")).orElse("—"))
                .append(" | ").append(Optional.ofNullable(s.getJsonObject("resolved")).map(x -> x.getString("cause"))
                        .orElse("—")).append(" |\n"));
        md.append("\n## 响应时间 Response times (mean minutes, level)\n\n")
                .append("| District | Hazard | Situations | Acknowledge | Dispatch | Resolve |\n|---|---|---|---|---|---|\n");
        r.getJsonArray("responseTimes").stream().map(JsonObject.class::cast).forEach(t -> md.append("| ")
                .append(t.getString("district")).append(" | ").append(t.getString("hazard")).append(" | ")
                .append(t.getLong("situations")).append(" | ").append(mean(t, "acknowledged", "Acknowledge", "acknowledge"))
                .append(" | ").append(mean(t, "dispatched", "Dispatch", "dispatch")).append(" | ")
                .append(mean(t, "resolved", "Resolve", "resolve")).append(" |\n"));
        md.append("\n## 最差指标 Worst indicators\n\n| Indicator | Worst level | Episodes |\n|---|---|---|\n");
        r.getJsonArray("worstIndicators").stream().map(JsonObject.class::cast).forEach(w -> md.append("| ")
                .append(catalogue.byId(w.getString("indicatorId")).map(i -> i.nameEn()).orElse(w.getString("indicatorId")))
                .append(" | ").append(w.getString("worstLevel")).append(" | ").append(w.getLong("episodes"))
                .append(" |\n"));
        return md.toString();
    }

    /** "12.5 (yellow)" for a step some situations reached, "—" when none did. */
    private static String mean(JsonObject row, String count, String field, String level) {
        return row.getLong(count) == 0 ? "—" : NumberText.of(row.getDouble("meanMinutesTo" + field)) + " ("
                + row.getJsonObject("levels").getString(level) + ")";
    }
}
