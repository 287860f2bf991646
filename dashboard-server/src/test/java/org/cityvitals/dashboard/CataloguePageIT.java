package org.cityvitals.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.store.table.ReadingTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata catalogue page in headless Chromium against a running server with a real ClickHouse: every item of
 * {@code GET /api/catalogue} is a row with both names, class, owner and lineage; searching narrows the rows; and the
 * freshness of a metric whose readings stop turns stale on the page without a reload. The expressway speed's only
 * indicator slides every minute (indicators.yaml), so its metric is stale two minutes after its newest reading; no
 * other test writes its readings.
 */
class CataloguePageIT {

    private static final String METRIC = "metric:speed_expressway";
    private static final Set<String> KINDS = Set.of("source", "metric", "indicator", "dataset", "table");

    @RegisterExtension
    static final RunningDashboard dashboard = new RunningDashboard();

    @TempDir
    static Path profiles;

    @Test
    void everyItemIsListedWithItsLineageAndAStoppedSourceTurnsStaleOnThePage() throws Exception {
        String token = dashboard.token("ops");
        List<JsonObject> items = catalogue(token, null);
        assertThat(items.stream().map(i -> i.getString("kind")).collect(Collectors.toSet())).isEqualTo(KINDS);
        JsonObject metric = items.stream().filter(i -> i.getString("ref").equals(METRIC)).findFirst().orElseThrow();
        long staleAfter = metric.getJsonObject("freshness").getLong("staleAfterSeconds");
        assertThat(staleAfter).as("two one-minute slides").isEqualTo(120);

        try (Chromium ops = new Chromium(dashboard.server().port(), profiles.resolve("ops"))
                .login("ops", "ops", "#/catalogue")) {
            By rows = By.cssSelector("#catalogue-rows tr");
            ops.wait.until(d -> d.findElements(rows).size() == items.size());
            List<Map<String, Object>> shown = ops.jsList("""
                    return [...document.querySelectorAll('#catalogue-rows tr')].map((r) => ({
                      ref: r.dataset.ref, cells: r.cells.length,
                      names: [...r.querySelectorAll('.catalogue-name div')].map((d) => d.textContent),
                      badge: r.querySelector('.class-badge').className, owner: r.cells[3].textContent,
                      from: [...r.querySelectorAll('.lineage-from a')].map((a) => a.textContent),
                      to: [...r.querySelectorAll('.lineage-to a')].map((a) => a.textContent)}))
                    """);
            assertThat(shown).extracting(r -> r.get("ref"))
                    .containsExactlyElementsOf(items.stream().map(i -> i.getString("ref")).toList());
            for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.get(i);
                Map<String, Object> row = shown.get(i);
                assertThat(row.get("cells")).as(item.getString("ref")).isEqualTo(9L);
                assertThat(row.get("names")).as("both names of %s", item.getString("ref"))
                        .isEqualTo(List.of(item.getString("nameZh"), item.getString("nameEn")));
                assertThat((String) row.get("badge")).contains("class-" + item.getString("class"));
                assertThat(row.get("owner")).isEqualTo(item.getJsonObject("owner").getString("nameZh"));
                assertThat(row.get("from")).isEqualTo(item.getJsonArray("from").getList());
                assertThat(row.get("to")).isEqualTo(item.getJsonArray("to").getList());
            }
            // lineage both ways, as indicators.yaml and classification.yaml declare it
            Map<String, Object> speed = shown.stream().filter(r -> r.get("ref").equals(METRIC)).findFirst()
                    .orElseThrow();
            assertThat(speed.get("from")).isEqualTo(List.of("source:traffic"));
            assertThat(((List<?>) speed.get("to")).stream().map(String::valueOf).toList())
                    .contains("indicator:traffic.expressway_speed");

            ops.driver.findElement(By.id("catalogue-search")).sendKeys("expressway");
            ops.wait.until(d -> d.findElements(rows).size() == catalogue(token, "expressway").size());
            assertThat(ops.jsList("return [...document.querySelectorAll('#catalogue-rows tr')]"
                    + ".map((r) => ({ref: r.dataset.ref}))")).extracting(r -> r.get("ref"))
                    .contains(METRIC, "indicator:traffic.expressway_speed").doesNotContain("metric:pm25");

            // the source delivers one reading, then stops: fresh for the 40 s left of its two periods, then stale.
            // In whole seconds, as ClickHouse stores it: a fraction would move the boundary the test expects past
            // the one the server computes from the stored time, by up to a second.
            Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(staleAfter - 40);
            dashboard.stack().clickHouse.insert("cityvitals", new ReadingTable(), List.of(new Reading(
                    "sh-310101-speed_expressway-01", "speed_expressway", 52, "km/h", newest, "310101", null, null,
                    Quality.GOOD)));
            By freshness = By.cssSelector("#catalogue-rows tr[data-ref='" + METRIC + "'] .catalogue-freshness");
            ops.wait.until(ExpectedConditions.attributeToBe(freshness, "data-stale", "false"));
            assertThat(Instant.now()).as("seen fresh before its two periods ran out")
                    .isBefore(newest.plusSeconds(staleAfter));
            ops.screenshot("catalogue-fresh");
            ops.waitUpTo(Duration.ofSeconds(90))
                    .until(ExpectedConditions.attributeToBe(freshness, "data-stale", "true"));
            assertThat(Instant.now()).as("stale only after its two periods")
                    .isAfter(newest.plusSeconds(staleAfter));
            assertThat(ops.text(freshness)).startsWith("⚠");
            ops.screenshot("catalogue-stale");
        }
    }

    /** The catalogue's items as the REST resource lists them, for {@code q} when given. */
    private static List<JsonObject> catalogue(String token, String q) {
        try {
            var request = dashboard.http().get(dashboard.server().port(), "127.0.0.1", "/api/catalogue")
                    .bearerTokenAuthentication(token);
            if (q != null) {
                request.addQueryParam("q", q);
            }
            HttpResponse<Buffer> answer = request.send().await(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
            return answer.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
        } catch (Exception e) {
            throw new IllegalStateException("GET /api/catalogue failed", e);
        }
    }
}
