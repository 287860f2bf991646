package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.Origin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily report page in Chromium against the real stack: Fenway's dispatcher (Boston, which no other test uses)
 * opens it from the navigation and sees the rainstorm situation of the day with who acknowledged it and the cause,
 * the response time worked out here from the recorded times with the level the escalation policy's thresholds give,
 * the two indicators whose alerts were worst, and a printable file whose heading names the district and the day.
 */
class ReportPageIT {

    private static final String FENWAY = "fenway";
    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final String PASSWORD = "report-password";

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static DashboardServer server;
    private static WebClient http;

    @BeforeAll
    static void start() throws Exception {
        PlatformUsers.create(List.of(PlatformUsers.user("fenway", PASSWORD, "dispatcher", "boston", FENWAY)));
        vertx = Vertx.vertx();
        server = TestStack.startReady(vertx, TestStack.get().config().withJwtSecret("report-it"));
        http = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        server.close().await();
        vertx.close().await();
    }

    @Test
    void theReportPageShowsTheDaysSituationResponseTimesWorstIndicatorsAndAPrintableFile() throws Exception {
        // ten minutes ago, unless that was yesterday in Boston: then the first seconds of today
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = LocalDate.ofInstant(now, BOSTON);
        Instant since = now.minusSeconds(600).isBefore(day.atStartOfDay(BOSTON).toInstant())
                ? day.atStartOfDay(BOSTON).toInstant() : now.minusSeconds(600);
        AlertEvent rain = alert("report-rain", "weather.rain_3h", Level.RED, since);
        AlertEvent ponding = alert("report-ponding", "flood.ponding_depth", Level.YELLOW, since.plusSeconds(60));
        TestStack.get().insertAlerts(List.of(rain, ponding));
        TestStack.get().publishAll(List.of(rain, ponding));

        try (Chromium browser = new Chromium(server.port(), dir.resolve("chromium-report"))
                .login("fenway", PASSWORD, "#/console")) {
            browser.driver.findElement(By.id("lang-switch")).click();
            browser.wait.until(ExpectedConditions.textToBe(By.id("lang-switch"), "中文"));
            String id = "sit-" + FENWAY + "-rainstorm-" + since.getEpochSecond();
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#situations li.situation[data-situation-id='" + id + "']")));
            JsonObject acked = act(browser, id, new JsonObject().put("action", "acknowledge"));
            act(browser, id, new JsonObject().put("action", "resolve").put("cause", "weather")
                    .put("note", "rain passed, underpass drained"));

            browser.driver.findElement(By.cssSelector("#nav a[data-route='report']")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-page")));
            assertThat(browser.driver.findElement(By.id("report-day")).getAttribute("value"))
                    .isEqualTo(day.toString());
            // the response row is written when the resolution reaches the situation view: show until it is there
            By timesRow = By.cssSelector("#report-times tr[data-district='" + FENWAY + "'][data-hazard='rainstorm']");
            browser.wait.until(d -> {
                d.findElement(By.id("report-show")).click();
                return !d.findElements(timesRow).isEmpty();
            });
            assertThat(browser.driver.findElement(By.id("report-title")).getText())
                    .isEqualTo("Daily report · Fenway · " + day);

            List<Map<String, Object>> situations = browser.jsList("""
                    return [...document.querySelectorAll('#report-situations tr')].map((r) => ({
                      id: r.dataset.situationId, cells: [...r.cells].map((c) => c.textContent)}));
                    """);
            assertThat(situations).hasSize(1);
            assertThat(situations.get(0).get("id")).isEqualTo(id);
            assertThat((List<?>) situations.get(0).get("cells")).element(1).isEqualTo("Rainstorm flooding in Fenway");
            assertThat((List<?>) situations.get(0).get("cells")).element(3).isEqualTo("resolved");
            assertThat((List<?>) situations.get(0).get("cells")).element(4).isEqualTo("fenway");
            assertThat((List<?>) situations.get(0).get("cells")).element(5).isEqualTo("weather");

            // minutes from the first alert's condition to the acknowledgement ClickHouse recorded (whole seconds);
            // the thresholds 2/5/15/30 min of situations.yaml give the level
            long ackSeconds = Instant.parse(acked.getString("actedAt")).getEpochSecond() - since.getEpochSecond();
            double minutes = ackSeconds / 60.0;
            String level = minutes >= 30 ? "red" : minutes >= 15 ? "orange" : minutes >= 5 ? "yellow"
                    : minutes >= 2 ? "blue" : "normal";
            String ackCell = browser.driver.findElement(By.cssSelector(
                    "#report-times tr[data-hazard='rainstorm'] td[data-step='acknowledge']")).getText();
            assertThat(ackCell).startsWith(String.format(Locale.UK, "%.1f min", minutes));
            assertThat(browser.driver.findElement(By.cssSelector("#report-times tr[data-hazard='rainstorm'] "
                    + "td[data-step='acknowledge'] .level")).getAttribute("class")).contains("level-" + level);
            assertThat(browser.driver.findElement(By.cssSelector(
                    "#report-times tr[data-hazard='rainstorm'] td[data-step='dispatch']")).getText()).isEqualTo("—");

            assertThat(browser.jsList("""
                    return [...document.querySelectorAll('#report-worst tr')].map((r) => ({
                      indicator: r.dataset.indicator, episodes: r.cells[2].textContent}));
                    """)).containsExactly(Map.of("indicator", "weather.rain_3h", "episodes", "1"),
                    Map.of("indicator", "flood.ponding_depth", "episodes", "1"));

            By file = By.id("report-file");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(file));
            assertThat(browser.driver.findElement(file).getAttribute("download"))
                    .isEqualTo("cityvitals-daily-fenway-" + day + ".md");
            // downloaded as a person would: a click on the link, the file saved under the server's name
            Path downloads = Files.createDirectories(dir.resolve("downloads"));
            browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            browser.driver.findElement(file).click();
            Path saved = downloads.resolve("cityvitals-daily-fenway-" + day + ".md");
            browser.wait.until(d -> Files.exists(saved));
            String printable = Files.readString(saved);
            assertThat(printable).startsWith("# 日报 Daily report · 芬威 Fenway · " + day + "\n");
            assertThat(printable).contains("| Rainstorm flooding in Fenway | red | resolved | fenway | weather |");
            browser.screenshot("daily-report");
        }
    }

    private static JsonObject act(Chromium browser, String situationId, JsonObject body) throws Exception {
        HttpResponse<Buffer> answer = http.post(server.port(), "127.0.0.1", "/api/situations/" + situationId
                + "/actions").bearerTokenAuthentication(browser.token()).sendJsonObject(body)
                .await(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(201);
        return answer.bodyAsJsonObject();
    }

    private static AlertEvent alert(String prefix, String indicator, Level level, Instant since) {
        return new AlertEvent(prefix + "-" + since.getEpochSecond(), 1, "level", indicator, FENWAY,
                AlertKind.OPENED, level, Level.NORMAL, 1, 1, since, since, AlertAudience.OPERATIONS, Origin.LIVE,
                indicator + " opened");
    }
}
