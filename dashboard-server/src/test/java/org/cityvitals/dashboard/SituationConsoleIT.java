package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.cityvitals.dashboard.situation.SituationSettings;
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
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dispatcher sees of situations on the console, in headless Chromium against the real stack: a rainstorm in
 * Fengxian is one card with its two member alerts; an outage's card holds the water-pressure alert it explains,
 * marked suppressed; planned work on Fengxian's air network is announced and the PM2.5 alert it explains is marked
 * in maintenance, in its card and in the queue; when the red rainstorm goes unacknowledged for the policy's five
 * minutes (a test clock) its card shows the escalation, and acknowledging it from the card shows who did. In
 * Chongming a dispatcher acknowledges a situation with a work order and resolves it with a cause through the card's
 * forms. On Boston's big screen the open situations show worst first with their member counts and an escalation
 * state that follows the policy's 5 and 15 minutes. Fengxian (310120), Chongming (310151) and Boston are used by no
 * other test, so what these screens show is this test's alone.
 */
class SituationConsoleIT {

    private static final String FENGXIAN = "310120";
    private static final String CHONGMING = "310151";
    private static final String PASSWORD = "console-password";

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static DashboardServer server;
    private static TestClock clock;
    private static WebClient http;

    @BeforeAll
    static void start() throws Exception {
        PlatformUsers.create(List.of(user("console-centre", "operator", "*"),
                user("fengxian", "dispatcher", FENGXIAN), user("chongming", "dispatcher", CHONGMING),
                PlatformUsers.user("boston-wall", PASSWORD, "operator", "boston", "*")));
        clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        vertx = Vertx.vertx();
        server = DashboardServer.start(vertx, TestStack.get().config().withJwtSecret("console-it"),
                SituationSettings.defaults().withClock(clock)).await(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.ready() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.ready()).as("caught up with Kafka").isTrue();
        http = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        server.close().await();
        vertx.close().await();
    }

    private static JsonObject user(String name, String role, String district) {
        return PlatformUsers.user(name, PASSWORD, role, "shanghai", district);
    }

    @Test
    void theConsoleShowsSituationsTheirMembersSuppressedAndInMaintenanceAlertsAndTheEscalationState()
            throws Exception {
        try (Chromium dispatcher = new Chromium(server.port(), dir.resolve("chromium-" + System.nanoTime()))
                .login("fengxian", PASSWORD, "#/console")) {
            dispatcher.driver.findElement(By.id("lang-switch")).click();
            dispatcher.wait.until(ExpectedConditions.textToBe(By.id("lang-switch"), "中文"));
            Instant t0 = clock.instant();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<Buffer> declared = http.post(server.port(), "127.0.0.1", "/api/maintenance")
                    .bearerTokenAuthentication(login("console-centre"))
                    .sendJsonObject(new JsonObject().put("kind", "network").put("target", "air").put("area", FENGXIAN)
                            .put("from", t0.minusSeconds(60).toString()).put("to", now.plus(Duration.ofHours(2))
                                    .toString()).put("reason", "analyser calibration"))
                    .await(10, TimeUnit.SECONDS);
            assertThat(declared.statusCode()).as(declared.bodyAsString()).isEqualTo(201);

            AlertEvent rain = alert("console-rain", "weather.rain_3h", Level.RED, t0);
            AlertEvent ponding = alert("console-ponding", "flood.ponding_depth", Level.YELLOW, t0.plusSeconds(60));
            AlertEvent outage = alert("console-outage", "power.outage_customers", Level.ORANGE, t0.plusSeconds(30));
            AlertEvent pressure = alert("console-pressure", "water.pressure_min", Level.RED, t0.plusSeconds(60));
            AlertEvent pm25 = alert("console-pm25", "air.pm25", Level.YELLOW, t0.plusSeconds(90));
            TestStack.get().publishAll(List.of(rain, ponding, outage, pressure, pm25));

            By rainstorm = card(FENGXIAN, "rainstorm", t0);
            dispatcher.wait.until(d -> d.findElements(By.cssSelector(css(rainstorm) + " li.member")).size() == 2);
            assertThat(dispatcher.text(By.cssSelector(css(rainstorm) + " .situation-title")))
                    .isEqualTo("Rainstorm flooding in Fengxian");
            assertThat(members(dispatcher, rainstorm)).containsExactly(rain.alertId(), ponding.alertId());
            assertThat(dispatcher.attribute(rainstorm, "data-level")).isEqualTo("red");
            assertThat(dispatcher.text(By.cssSelector(css(rainstorm) + " .situation-state")))
                    .startsWith("unacknowledged");

            // the outage explains the pressure alert: a member of the outage's card, marked, not a card of its own
            By outageCard = card(FENGXIAN, "outage", t0.plusSeconds(30));
            dispatcher.wait.until(d -> d.findElements(By.cssSelector(css(outageCard) + " li.member")).size() == 2);
            By suppressed = By.cssSelector(css(outageCard) + " li.member.suppressed");
            assertThat(dispatcher.attribute(suppressed, "data-alert-id")).isEqualTo(pressure.alertId());
            assertThat(dispatcher.text(suppressed)).contains("suppressed: explained by another alert");
            assertThat(dispatcher.attribute(outageCard, "data-level")).isEqualTo("orange");

            // planned work on the air network: announced, and the PM2.5 alert shown in maintenance
            dispatcher.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("maintenance-banner"),
                    "analyser calibration"));
            assertThat(dispatcher.driver.findElement(By.id("maintenance-banner")).getText())
                    .contains("Planned work on the network air in Fengxian");
            By inMaintenance = By.cssSelector("#situations li.member.maintenance[data-alert-id='" + pm25.alertId()
                    + "']");
            dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(inMaintenance));
            assertThat(dispatcher.text(inMaintenance)).contains("in maintenance: analyser calibration");
            By queueRow = By.cssSelector("#queue tr[data-alert-id='" + pm25.alertId() + "']");
            dispatcher.wait.until(ExpectedConditions.attributeContains(queueRow, "class", "maintenance"));
            assertThat(dispatcher.text(queueRow)).contains("in maintenance");
            assertThat(dispatcher.driver.findElements(By.cssSelector("#situations li.member.maintenance")))
                    .extracting(e -> e.getAttribute("data-alert-id")).containsExactly(pm25.alertId());

            // the red rainstorm, unacknowledged for five minutes, escalates to the district's duty chief
            clock.set(t0.plus(Duration.ofMinutes(5)));
            By escalated = By.cssSelector(css(rainstorm) + " .situation-escalations li");
            dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(escalated));
            assertThat(dispatcher.text(escalated)).startsWith("escalated to district_chief");
            dispatcher.screenshot("situations-console");

            dispatcher.driver.findElement(By.cssSelector(css(rainstorm) + " button.situation-ack")).click();
            dispatcher.wait.until(ExpectedConditions.textToBe(By.cssSelector(css(rainstorm) + " .situation-state"),
                    "✔ acknowledged by fengxian"));
            assertThat(dispatcher.driver.findElements(By.cssSelector(css(rainstorm) + " button.situation-ack")))
                    .isEmpty();
        }
    }

    @Test
    void aDispatcherAcknowledgesWithAWorkOrderAndResolvesWithACauseThroughTheCardsForms() throws Exception {
        try (Chromium dispatcher = new Chromium(server.port(), dir.resolve("chromium-" + System.nanoTime()))
                .login("chongming", PASSWORD, "#/console")) {
            dispatcher.driver.findElement(By.id("lang-switch")).click();
            dispatcher.wait.until(ExpectedConditions.textToBe(By.id("lang-switch"), "中文"));
            // yellow: no escalation policy applies, whatever the other test does to the clock
            Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
            TestStack.get().publishAll(List.of(
                    alert("forms-rain", "weather.rain_3h", Level.YELLOW, since, CHONGMING),
                    alert("forms-ponding", "flood.ponding_depth", Level.YELLOW, since.plusSeconds(60), CHONGMING)));
            String id = "sit-" + CHONGMING + "-rainstorm-" + since.getEpochSecond();
            By card = By.cssSelector("#situations li.situation[data-situation-id='" + id + "']");
            dispatcher.wait.until(d -> d.findElements(By.cssSelector(css(card) + " li.member")).size() == 2);

            dispatcher.driver.findElement(By.cssSelector(css(card) + " button.situation-dispatch")).click();
            dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("situation-assignee")))
                    .sendKeys("crew-7");
            new Select(dispatcher.driver.findElement(By.id("situation-due"))).selectByVisibleText("4 h");
            dispatcher.driver.findElement(By.id("situation-note")).sendKeys("pump truck to the Nanmen underpass");
            Instant submitted = Instant.now();
            dispatcher.driver.findElement(By.id("situation-submit")).click();
            dispatcher.wait.until(ExpectedConditions.textToBe(By.cssSelector(css(card) + " .situation-dispatched"),
                    "➜ work order to crew-7"));
            Instant shown = Instant.now();
            assertThat(dispatcher.text(By.cssSelector(css(card) + " .situation-state")))
                    .isEqualTo("✔ acknowledged by chongming");
            assertThat(dispatcher.driver.findElement(By.id("situation-dialog")).isDisplayed()).isFalse();

            JsonObject order = detail(dispatcher, id).getJsonArray("workOrders").getJsonObject(0);
            assertThat(order.getString("assignee")).isEqualTo("crew-7");
            assertThat(order.getString("status")).isEqualTo("open");
            assertThat(order.getString("note")).isEqualTo("pump truck to the Nanmen underpass");
            // "4 h" is 240 minutes from the moment of submitting; ClickHouse keeps whole seconds
            assertThat(Instant.parse(order.getString("dueAt"))).isBetween(
                    submitted.plus(Duration.ofMinutes(240)).truncatedTo(ChronoUnit.SECONDS),
                    shown.plus(Duration.ofMinutes(240)));

            dispatcher.driver.findElement(By.cssSelector(css(card) + " button.situation-resolve")).click();
            Select cause = new Select(dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("situation-cause"))));
            // the choices are the seven causes of the shipped situation rules, after the prompt
            assertThat(cause.getOptions()).hasSize(8);
            cause.selectByVisibleText("Equipment failure");
            dispatcher.driver.findElement(By.id("situation-note")).sendKeys("drain pump 3 replaced");
            dispatcher.driver.findElement(By.id("situation-submit")).click();
            dispatcher.wait.until(ExpectedConditions.numberOfElementsToBe(card, 0));

            JsonObject resolved = detail(dispatcher, id).getJsonObject("situation");
            assertThat(resolved.getString("state")).isEqualTo("resolved");
            assertThat(resolved.getJsonObject("resolved").getString("user")).isEqualTo("chongming");
            assertThat(resolved.getJsonObject("resolved").getString("cause")).isEqualTo("equipment_failure");
            assertThat(resolved.getJsonObject("resolved").getString("note")).isEqualTo("drain pump 3 replaced");
        }
    }

    @Test
    void theBigScreenShowsOpenSituationsWorstFirstWithMemberCountsAndEscalationStateLive() throws Exception {
        try (Chromium wall = new Chromium(server.port(), dir.resolve("chromium-" + System.nanoTime()))
                .login("boston-wall", PASSWORD, "#/screen")) {
            wall.driver.findElement(By.id("lang-switch")).click();
            wall.wait.until(ExpectedConditions.textToBe(By.id("lang-switch"), "中文"));
            Instant t0 = clock.instant();
            TestStack.get().publishAll(List.of(
                    alert("wall-rain", "weather.rain_3h", Level.RED, t0, "dorchester"),
                    alert("wall-ponding", "flood.ponding_depth", Level.YELLOW, t0.plusSeconds(60), "dorchester"),
                    alert("wall-outage", "power.outage_customers", Level.ORANGE, t0, "roxbury"),
                    alert("wall-pressure", "water.pressure_min", Level.RED, t0.plusSeconds(60), "roxbury")));
            String rainstorm = "sit-dorchester-rainstorm-" + t0.getEpochSecond();
            String outage = "sit-roxbury-outage-" + t0.getEpochSecond();
            // both arrive over the socket after the page loaded; worst first: the red rainstorm, then the outage,
            // orange because the red pressure alert it explains is suppressed and counts for no level
            wall.wait.until(d -> wallRows(wall).stream().map(r -> r.get("id")).toList()
                    .equals(List.of(rainstorm, outage)));
            List<Map<String, Object>> shown = wallRows(wall);
            assertThat(shown).extracting(r -> r.get("level")).containsExactly("red", "orange");
            assertThat(shown.get(0).get("title")).isEqualTo("Rainstorm flooding in Dorchester");
            assertThat(shown).extracting(r -> r.get("members")).containsExactly("2 alerts", "2 alerts");
            assertThat(shown).extracting(r -> (String) r.get("state"))
                    .allMatch(text -> text.startsWith("unacknowledged 00:"));
            assertThat(wall.driver.findElement(By.id("wall-situations-count")).getText()).isEqualTo("2 open");
            // the two rows and nothing else: no stray text (a "null" line once stood under the situations)
            assertThat(wall.js("return [...document.getElementById('wall-situations').childNodes]"
                    + ".map((n) => n.nodeName)")).isEqualTo(List.of("LI", "LI"));

            // the policy: red unacknowledged 5 min → district_chief; at 15 min red → city_centre, orange →
            // district_chief. No roster here, so the steps name the duty.
            clock.set(t0.plus(Duration.ofMinutes(5)));
            wall.wait.until(d -> wallState(wall, rainstorm).startsWith(
                    "⇧ escalated 1×, last to district_chief · unacknowledged "));
            assertThat(wallState(wall, outage)).startsWith("unacknowledged ");
            clock.set(t0.plus(Duration.ofMinutes(15)));
            wall.wait.until(d -> wallState(wall, rainstorm).startsWith(
                    "⇧ escalated 2×, last to city_centre · unacknowledged "));
            wall.wait.until(d -> wallState(wall, outage).startsWith(
                    "⇧ escalated 1×, last to district_chief · unacknowledged "));

            HttpResponse<Buffer> acked = http.post(server.port(), "127.0.0.1", "/api/situations/" + rainstorm
                            + "/actions").bearerTokenAuthentication(wall.token())
                    .sendJsonObject(new JsonObject().put("action", "acknowledge")).await(10, TimeUnit.SECONDS);
            assertThat(acked.statusCode()).as(acked.bodyAsString()).isEqualTo(201);
            wall.wait.until(d -> wallState(wall, rainstorm).equals(
                    "⇧ escalated 2×, last to city_centre · ✔ acknowledged by boston-wall"));
            // the list stays inside its panel on the 1920×1080 wall
            assertThat((Boolean) wall.js("const list = document.getElementById('wall-situations')"
                    + ".getBoundingClientRect(); const panel = document.getElementById('alerts-panel')"
                    + ".getBoundingClientRect(); return list.bottom <= panel.bottom && list.right <= panel.right;"))
                    .isTrue();
            wall.screenshot("situations-wall");
        }
    }

    /** The big screen's situation rows, read in one script: the wall redraws them as alerts arrive. */
    private static List<Map<String, Object>> wallRows(Chromium browser) {
        return browser.jsList("""
                return [...document.querySelectorAll('#wall-situations li.wall-situation')].map((row) => ({
                  id: row.dataset.situationId, level: row.dataset.level,
                  title: row.querySelector('.wall-situation-title').textContent,
                  members: row.querySelector('.wall-situation-members').textContent,
                  state: row.querySelector('.wall-situation-state').textContent}));
                """);
    }

    private static String wallState(Chromium browser, String situationId) {
        return wallRows(browser).stream().filter(r -> situationId.equals(r.get("id"))).map(r -> (String) r.get("state"))
                .findFirst().orElse("");
    }

    /** GET /api/situations/{id} as the browser's user. */
    private static JsonObject detail(Chromium browser, String id) throws Exception {
        HttpResponse<Buffer> answer = http.get(server.port(), "127.0.0.1", "/api/situations/" + id)
                .bearerTokenAuthentication(browser.token()).send().await(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        return answer.bodyAsJsonObject();
    }

    /** The card of the situation whose id the server derives: district, hazard, the first condition's start. */
    private static By card(String district, String hazard, Instant since) {
        return By.cssSelector("#situations li.situation[data-situation-id='sit-" + district + "-" + hazard + "-"
                + since.getEpochSecond() + "']");
    }

    private static String css(By by) {
        return by.toString().substring("By.cssSelector: ".length());
    }

    private static List<String> members(Chromium browser, By card) {
        return browser.wait.until(d -> d.findElements(
                By.cssSelector(css(card) + " li.member")).stream().map(e -> e.getAttribute("data-alert-id")).toList());
    }

    private static String login(String username) throws Exception {
        return http.post(server.port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", username).put("password", PASSWORD))
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
    }

    private static AlertEvent alert(String prefix, String indicator, Level level, Instant since) {
        return alert(prefix, indicator, level, since, FENGXIAN);
    }

    private static AlertEvent alert(String prefix, String indicator, Level level, Instant since, String district) {
        return new AlertEvent(prefix + "-" + since.getEpochSecond(), 1, "level", indicator, district,
                AlertKind.OPENED, level, Level.NORMAL, 1, 1, since, since, AlertAudience.OPERATIONS, Origin.LIVE,
                indicator + " opened");
    }
}
