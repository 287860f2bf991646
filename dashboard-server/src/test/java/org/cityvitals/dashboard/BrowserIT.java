package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations screens in headless Debian Chromium at 1920×1080 against a running dashboard server with a real
 * Kafka broker and ClickHouse server: a whole city of live values, health scores and stored history (CityScene).
 * Screenshots of each screen are saved under target/screenshots/.
 */
class BrowserIT {

    private static final String SHANGHAI = CityScene.SHANGHAI.code();
    private static final String HUANGPU = "310101";
    private static final String PUDONG = "310115";
    /** Stored every 5 minutes over 30 days, so each chart range has its own number of rows. */
    private static final String CHARTED = "air.pm25";
    private static final String STALE = CityScene.STALE_IN_CITY;

    @TempDir
    static Path profiles;

    private static TestStack stack;
    private static Vertx vertx;
    private static DashboardServer server;
    private static List<Instant> storedWindows;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.get();
        vertx = Vertx.vertx();
        server = DashboardServer.start(vertx, stack.config()).await(60, TimeUnit.SECONDS);
        CityScene scene = new CityScene(stack);
        scene.publishLiveValues(server.port(), vertx);
        scene.publishHealth();
        storedWindows = scene.storeHistory(CHARTED, SHANGHAI, Duration.ofDays(30), Duration.ofMinutes(5));
        scene.storeHealthHistory(SHANGHAI, Duration.ofHours(24), Duration.ofMinutes(10));
        scene.storeHealthHistory(PUDONG, Duration.ofHours(24), Duration.ofMinutes(10));
        scene.storeAlertEpisode("browser-episode", CHARTED, SHANGHAI);
    }

    @AfterAll
    static void stop() {
        server.close().await();
        vertx.close().await();
    }

    private static Chromium browser(String name) {
        return new Chromium(server.port(), profiles.resolve(name + "-" + System.nanoTime()));
    }

    @Test
    void theBigScreenFitsA1920x1080WallWithReadableTextAndNoOverlappingMapLabels() {
        try (Chromium ops = browser("ops").login("ops", "ops", "#/screen")) {
            awaitCityShown(ops);

            assertThat(ops.js("return [innerWidth, innerHeight, document.documentElement.scrollWidth,"
                    + " document.documentElement.scrollHeight]")).isEqualTo(List.of(1920L, 1080L, 1920L, 1080L));
            assertThat(ops.jsList("""
                    return [...document.querySelectorAll('#screen .panel')].map((p) => {
                      const r = p.getBoundingClientRect();
                      return {panel: p.id || p.dataset.domain, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                        clipped: p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1};
                    }).filter((p) => p.left < 0 || p.top < 0 || p.right > innerWidth || p.bottom > innerHeight || p.clipped)
                    """)).as("panels outside the viewport or clipped").isEmpty();
            // health, ranking, map, alerts, incidents, nine domains and data quality
            assertThat(ops.js("return document.querySelectorAll('#screen .panel').length")).isEqualTo(15L);
            assertThat(ops.jsList("""
                    return [...document.querySelectorAll('#screen *')]
                      .filter((e) => !e.closest('.chart, .map') && e.getClientRects().length > 0)
                      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
                      .filter((e) => ['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                        || ['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(e).overflowY))
                      .map((e) => ({element: e.tagName + '.' + e.className, text: e.textContent.slice(0, 40)}))
                    """)).as("elements whose content is cut off").isEmpty();
            assertThat(ops.jsList("""
                    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
                    return [...document.querySelectorAll('header.topbar *, #screen *')]
                      .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
                      .filter(shown)
                      .map((e) => ({text: e.textContent.slice(0, 30), size: parseFloat(getComputedStyle(e).fontSize)}))
                      .filter((e) => e.size < 14)
                    """)).as("texts smaller than 14 px").isEmpty();
            List<Map<String, Object>> overlaps = ops.jsList("""
                    const labels = [...document.querySelectorAll('#map text')].filter((t) => t.textContent.trim())
                      .map((t) => ({text: t.textContent, r: t.getBoundingClientRect()})).filter((l) => l.r.width > 0);
                    const pairs = [];
                    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => {
                      if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom)
                        pairs.push({a: a.text, b: b.text});
                    }));
                    return pairs;
                    """);
            assertThat(ops.js("return document.querySelectorAll('#map text').length")).asString()
                    .satisfies(n -> assertThat(Integer.parseInt(n)).isGreaterThanOrEqualTo(16));
            assertThat(overlaps).as("overlapping map labels").isEmpty();
            assertThat(ops.js("return document.fonts.check('16px \"WenQuanYi Micro Hei\"')")).isEqualTo(true);
            ops.screenshot("big-screen");
        }
    }

    /** Waits until every city tile carries its value and the district map has drawn its labels. */
    private static void awaitCityShown(Chromium browser) {
        browser.wait.withMessage(() -> "city tiles without a value: " + browser.js("return [...document"
                        + ".querySelectorAll('#domains .tile')].filter((t) => t.querySelector('.value.missing'))"
                        + ".map((t) => t.dataset.indicator).join(' ')") + "; the server's latest city values: "
                        + browser.driver.executeAsyncScript("const done = arguments[0]; fetch('/api/latest', {headers:"
                        + " {Authorization: 'Bearer ' + sessionStorage.getItem('cityvitals.token')}}).then((r) => r.json())"
                        + ".then((vs) => done(vs.filter((v) => v.district === '310000' && v.indicatorId.startsWith('air'))"
                        + ".map((v) => v.indicatorId + '@' + v.windowEnd).join(' ')))"))
                .until(d -> (Long) browser.js("return document.querySelectorAll("
                        + "'#domains .tile .value:not(.missing)').length") == CityScene.SHOWN.size());
        browser.wait.until(d -> (Long) browser.js("return document.querySelectorAll('#map text').length") >= 16);
        browser.wait.until(d -> !((String) browser.js("return document.getElementById('ranking').textContent"))
                .isEmpty());
    }

    @Test
    void everyChartDrawsExactlyTheRowsTheHistoryApiReturns() {
        try (Chromium ops = browser("charts").login("ops", "ops", "#/screen")) {
            awaitCityShown(ops);
            // the city's health trend: 24 h of scores stored every 10 minutes
            ops.wait.until(d -> ops.js("return document.getElementById('city-health-trend').dataset.from") != null);
            assertChartMatchesApi(ops, "city-health-trend", "/api/health/history?district=" + SHANGHAI);

            // the PM2.5 tile's sparkline: the last three hours
            By spark = By.cssSelector(".tile[data-indicator='" + CHARTED + "'][data-area='" + SHANGHAI + "'] svg.spark");
            ops.wait.until(d -> d.findElement(spark).getAttribute("data-from") != null);
            // read in one go: the tile is redrawn every second as its data ages
            Map<String, Object> line = ops.jsList("const s = document.querySelector(arguments[0]);"
                    + " return [{from: s.dataset.from, to: s.dataset.to, points: s.dataset.points}]",
                    ".tile[data-indicator='" + CHARTED + "'][data-area='" + SHANGHAI + "'] svg.spark").get(0);
            long sparkRows = apiRows(ops, "/api/history?indicator=" + CHARTED + "&district=" + SHANGHAI,
                    (String) line.get("from"), (String) line.get("to"));
            assertThat(Long.parseLong((String) line.get("points"))).isEqualTo(sparkRows)
                    .isEqualTo(stored((String) line.get("from"), (String) line.get("to")));

            // the indicator chart, every range
            ops.driver.findElement(By.cssSelector(".tile[data-indicator='" + CHARTED + "'][data-area='" + SHANGHAI
                    + "']")).click();
            for (String range : List.of("1h", "24h", "7d", "30d")) {
                ops.driver.findElement(By.cssSelector("#chart-ranges button[data-range='" + range + "']")).click();
                ops.wait.until(ExpectedConditions.attributeContains(
                        By.cssSelector("#chart-ranges button[data-range='" + range + "']"), "class", "active"));
                ops.wait.until(d -> chartLoadedFor(ops, range));
                assertChartMatchesApi(ops, "indicator-chart", "/api/history?indicator=" + CHARTED + "&district="
                        + SHANGHAI);
                // the one stored episode, six to four hours ago, is shaded in every range that reaches back that far
                assertThat(ops.js("return document.getElementById('indicator-chart').dataset.episodes"))
                        .isEqualTo(range.equals("1h") ? "0" : "1");
                if (range.equals("24h")) {
                    ops.screenshot("indicator-chart");
                }
            }
        }
    }

    private static boolean chartLoadedFor(Chromium browser, String range) {
        Object from = browser.js("return document.getElementById('indicator-chart').dataset.from");
        Object to = browser.js("return document.getElementById('indicator-chart').dataset.to");
        if (from == null || to == null) {
            return false;
        }
        Duration span = Duration.between(Instant.parse((String) from), Instant.parse((String) to));
        return span.equals(Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24), "7d", Duration.ofDays(7),
                "30d", Duration.ofDays(30)).get(range));
    }

    /**
     * The chart in {@code elementId} draws the rows {@code api} returns for the range the chart asked for: the same
     * number, the same times and values in the same order.
     */
    private static void assertChartMatchesApi(Chromium browser, String elementId, String api) {
        List<Map<String, Object>> drawn = browser.jsList("""
                const el = document.getElementById(arguments[0]);
                return echarts.getInstanceByDom(el).getOption().series[0].data.map((p) => ({t: p[0], v: p[1]}));
                """, elementId);
        String from = (String) browser.js("return document.getElementById(arguments[0]).dataset.from", elementId);
        String to = (String) browser.js("return document.getElementById(arguments[0]).dataset.to", elementId);
        List<Map<String, Object>> rows = apiRowsOf(browser, api, from, to);
        assertThat(drawn).as(elementId + " points").hasSize(rows.size()).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            assertThat(((Number) drawn.get(i).get("t")).longValue())
                    .isEqualTo(Instant.parse((String) row.get("windowStart")).toEpochMilli());
            Object value = row.containsKey("value") ? row.get("value") : row.get("score");
            assertThat(((Number) drawn.get(i).get("v")).doubleValue()).isEqualTo(((Number) value).doubleValue());
        }
        if (api.startsWith("/api/history?indicator=" + CHARTED)) {
            assertThat((long) rows.size()).isEqualTo(stored(from, to));
        }
    }

    /** The number of windows CityScene stored with a start in [from, to). */
    private static long stored(String from, String to) {
        Instant f = Instant.parse(from);
        Instant t = Instant.parse(to);
        return storedWindows.stream().filter(w -> !w.isBefore(f) && w.isBefore(t)).count();
    }

    private static long apiRows(Chromium browser, String api, String from, String to) {
        return apiRowsOf(browser, api, from, to).size();
    }

    /** Calls the REST API from the page, with the page's own login, for exactly [from, to). */
    private static List<Map<String, Object>> apiRowsOf(Chromium browser, String api, String from, String to) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0] + '&from=' + encodeURIComponent(arguments[1]) + '&to=' + encodeURIComponent(arguments[2]),
                  {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('cityvitals.token')}})
                  .then((r) => r.json()).then(done, (e) => done(String(e)));
                """, api, from, to);
        return rows;
    }

    @Test
    void theLanguageSwitchChangesEveryLabelAndSurvivesAReload() {
        try (Chromium ops = browser("lang").login("ops", "ops", "#/screen")) {
            awaitCityShown(ops);
            By healthTitle = By.cssSelector("#health-panel h2");
            assertThat(ops.driver.findElement(healthTitle).getText()).isEqualTo("全市健康指数");
            assertThat(ops.text(By.cssSelector("#ranking li[data-district='" + HUANGPU + "']")))
                    .contains("黄浦区", "红色");

            ops.driver.findElement(By.id("lang-switch")).click();
            assertEnglish(ops);

            ops.driver.navigate().refresh();
            ops.wait.until(ExpectedConditions.attributeContains(By.id("conn"), "class", "ok"));
            awaitCityShown(ops);
            assertEnglish(ops);
            ops.screenshot("big-screen-en");
        }
    }

    private static void assertEnglish(Chromium browser) {
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("#health-panel h2"), "City health score"));
        // the map redraws a moment after a change
        browser.wait.until(d -> (Boolean) browser.js("return [...document.querySelectorAll('#map text')]"
                + ".some((t) => t.textContent.startsWith('Huangpu'))"));
        assertThat(browser.text(By.cssSelector("#ranking li[data-district='" + HUANGPU + "']")))
                .contains("Huangpu", "Red").doesNotContain("黄浦", "红色");
        assertThat(browser.driver.findElement(By.id("lang-switch")).getText()).isEqualTo("中文");
        assertThat(browser.js("return document.documentElement.lang")).isEqualTo("en-GB");
        // every text of the screen is English, but the switch (named in the language it switches to) and the
        // user's display name from the users file
        String text = (String) browser.js("return document.getElementById('screen').innerText + [...document"
                + ".querySelectorAll('header.topbar > :not(#lang-switch):not(#user)')].map((e) => e.innerText).join()");
        assertThat(text.replaceAll("[^\\p{IsHan}]", "")).isEmpty();
    }

    @Test
    void clickingADistrictOnTheMapOpensItsPageAndATileOpensItsChart() {
        try (Chromium ops = browser("drill").login("ops", "ops", "#/screen")) {
            awaitCityShown(ops);
            WebElement pudong = ops.driver.findElements(By.cssSelector("#map text")).stream()
                    .filter(t -> t.getText().startsWith("浦东")).findFirst().orElseThrow();
            new Actions(ops.driver).moveToElement(pudong).click().perform();

            ops.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("district-page")));
            assertThat(ops.driver.getCurrentUrl()).endsWith("#/district/" + PUDONG);
            assertThat(ops.driver.findElement(By.id("district-title")).getText()).isEqualTo("浦东新区");
            By tpi = By.cssSelector("#district-domains .tile[data-indicator='traffic.tpi'][data-area='" + PUDONG + "']");
            ops.wait.until(ExpectedConditions.textToBePresentInElementLocated(tpi, "橙色"));
            ops.wait.until(d -> (Long) ops.js("return document.querySelectorAll("
                    + "'#district-domains .tile .value:not(.missing)').length") == CityScene.SHOWN.size());
            ops.screenshot("district-page");
        }
    }

    @Test
    void staleDataIsMarkedOnItsTileAndFreshDataIsNot() {
        try (Chromium ops = browser("fresh").login("ops", "ops", "#/screen")) {
            awaitCityShown(ops);
            By stale = By.cssSelector("#domains .tile[data-indicator='" + STALE + "'][data-area='" + SHANGHAI + "']");
            ops.wait.until(ExpectedConditions.attributeContains(stale, "class", "stale"));
            assertThat(ops.text(stale)).contains("已过期");
            assertThat(ops.attribute(stale, "title")).contains("2 小时前");
            By fresh = By.cssSelector("#domains .tile[data-indicator='" + CHARTED + "'][data-area='" + SHANGHAI + "']");
            assertThat(ops.attribute(fresh, "class")).doesNotContain("stale");
            assertThat(ops.driver.findElement(By.id("pipeline-banner")).isDisplayed()).isFalse();
        }
    }

    @Test
    void anAcknowledgementInOneBrowserReachesAnotherWithinASecondAndTheDispatcherIsNotified() throws Exception {
        try (Chromium dispatcher = browser("huangpu").login("huangpu", "huangpu", "");
             Chromium operator = browser("ops-console").login("ops", "ops", "#/console")) {
            // a dispatcher's default page is the console
            dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            stack.publish(alert("queue-orange-older", HUANGPU, "air.aqi", Level.ORANGE, now.minusSeconds(600)));
            stack.publish(alert("queue-red", HUANGPU, "air.pm25", Level.RED, now.minusSeconds(60)));
            stack.publish(alert("queue-yellow", HUANGPU, "water.turbidity", Level.YELLOW, now.minusSeconds(1200)));

            By row = By.cssSelector("#queue tr[data-alert-id='queue-red']");
            dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            dispatcher.wait.until(d -> (Long) dispatcher.js("return window.__notifications.length") >= 3);
            assertThat(dispatcher.jsList("return window.__notifications"))
                    .anySatisfy(n -> assertThat((String) n.get("title")).contains("黄浦区"))
                    .anySatisfy(n -> assertThat((String) n.get("body")).contains("PM2.5", "红色"));
            // most severe first, then the longest open
            assertThat(dispatcher.jsList("return [...document.querySelectorAll('#queue tbody tr')]"
                    + ".map((r) => ({id: r.dataset.alertId}))"))
                    .extracting(m -> m.get("id")).containsSubsequence("queue-red", "queue-orange-older", "queue-yellow");

            // the queue redraws a row as its situation changes: click the row as it is at that moment
            operator.wait.until(d -> {
                d.findElement(row).click();
                return true;
            });
            operator.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drawer")));
            long pressed = System.nanoTime();
            new Actions(operator.driver).sendKeys("a").perform();
            By acknowledged = By.cssSelector("#queue tr.acked[data-alert-id='queue-red']");
            while (dispatcher.driver.findElements(acknowledged).isEmpty()
                    && System.nanoTime() - pressed < TimeUnit.SECONDS.toNanos(5)) {
                Thread.sleep(10);
            }
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pressed);
            assertThat(dispatcher.driver.findElements(acknowledged)).isNotEmpty();
            assertThat(tookMs).as("ms from the operator's key press to the dispatcher's screen").isLessThan(1000);
            assertThat(dispatcher.text(acknowledged)).contains("ops");

            dispatcher.wait.until(d -> {
                d.findElement(row).click();
                return true;
            });
            dispatcher.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("drawer-timeline"), "ops"));
            dispatcher.screenshot("dispatcher-console");
            new Actions(dispatcher.driver).sendKeys(Keys.ESCAPE).perform();
        }
    }

    @Test
    void aDispatcherNeverSeesAnotherDistrictsData() throws Exception {
        try (Chromium dispatcher = browser("scope").login("huangpu", "huangpu", "")) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            stack.publish(alert("scope-pudong", PUDONG, "traffic.tpi", Level.ORANGE, now));
            stack.publish(alert("scope-huangpu", HUANGPU, "gas.leak_lel", Level.YELLOW, now));
            dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#queue tr[data-alert-id='scope-huangpu']")));
            assertOnlyHuangpu(dispatcher);

            dispatcher.open("#/district/" + PUDONG);
            dispatcher.driver.navigate().refresh();
            dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("district-page")));
            Thread.sleep(1000);   // give any wrongly allowed request time to answer
            assertOnlyHuangpu(dispatcher);
            assertThat(dispatcher.js("return document.querySelectorAll('#district-page .value:not(.missing)').length"))
                    .isEqualTo(0L);

            dispatcher.open("#/screen");   // the big screen is the operations centre's
            dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
            assertOnlyHuangpu(dispatcher);
        }
    }

    private static void assertOnlyHuangpu(Chromium browser) {
        assertThat(browser.jsList("return [...document.querySelectorAll('[data-district], [data-area]')]"
                + ".map((e) => ({code: e.dataset.district || e.dataset.area}))"))
                .extracting(m -> m.get("code")).allMatch(code -> code.equals(HUANGPU) || code.equals(PUDONG)
                        && browser.driver.getCurrentUrl().endsWith(PUDONG));
        String text = (String) browser.js("return document.body.innerText");
        assertThat(text).doesNotContain("浦东", "Pudong");
        assertThat(browser.driver.findElements(By.cssSelector("[data-alert-id='scope-pudong']"))).isEmpty();
    }

    private static AlertEvent alert(String id, String district, String indicatorId, Level level, Instant at) {
        var d = CityScene.CATALOGUE.byId(indicatorId).orElseThrow();
        return new AlertEvent(id, 1, "level", indicatorId, district, AlertKind.OPENED, level, Level.NORMAL,
                CityScene.valueAt(d, level), d.thresholds().threshold(level), at, at, AlertAudience.OPERATIONS,
                Origin.LIVE, indicatorId + " above threshold");
    }
}
