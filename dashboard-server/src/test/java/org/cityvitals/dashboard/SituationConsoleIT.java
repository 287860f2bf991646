package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dispatcher sees of situations on the console, in headless Chromium against the real stack: a rainstorm in
 * Fengxian is one card with its two member alerts; an outage's card holds the water-pressure alert it explains,
 * marked suppressed; planned work on Fengxian's air network is announced and the PM2.5 alert it explains is marked
 * in maintenance, in its card and in the queue; when the red rainstorm goes unacknowledged for the policy's five
 * minutes (a test clock) its card shows the escalation, and acknowledging it from the card shows who did. Fengxian
 * (310120) is used by no other test, so the cards are this test's alone.
 */
class SituationConsoleIT {

    private static final String FENGXIAN = "310120";
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
                user("fengxian", "dispatcher", FENGXIAN)));
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
        return new JsonObject().put("username", name).put("password", PASSWORD).put("role", role)
                .put("displayName", name).put("cities", new JsonArray().add("shanghai"))
                .put("districts", new JsonArray().add(district));
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
            WebElement rainCard = dispatcher.driver.findElement(rainstorm);
            assertThat(rainCard.findElement(By.className("situation-title")).getText())
                    .isEqualTo("Rainstorm flooding in Fengxian");
            assertThat(members(rainCard)).containsExactly(rain.alertId(), ponding.alertId());
            assertThat(rainCard.getAttribute("data-level")).isEqualTo("red");
            assertThat(rainCard.findElement(By.className("situation-state")).getText()).startsWith("unacknowledged");

            // the outage explains the pressure alert: a member of the outage's card, marked, not a card of its own
            By outageCard = card(FENGXIAN, "outage", t0.plusSeconds(30));
            dispatcher.wait.until(d -> d.findElements(By.cssSelector(css(outageCard) + " li.member")).size() == 2);
            WebElement suppressed = dispatcher.driver.findElement(By.cssSelector(css(outageCard)
                    + " li.member.suppressed"));
            assertThat(suppressed.getAttribute("data-alert-id")).isEqualTo(pressure.alertId());
            assertThat(suppressed.getText()).contains("suppressed: explained by another alert");
            assertThat(dispatcher.driver.findElement(outageCard).getAttribute("data-level")).isEqualTo("orange");

            // planned work on the air network: announced, and the PM2.5 alert shown in maintenance
            dispatcher.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("maintenance-banner"),
                    "analyser calibration"));
            assertThat(dispatcher.driver.findElement(By.id("maintenance-banner")).getText())
                    .contains("Planned work on the network air in Fengxian");
            By inMaintenance = By.cssSelector("#situations li.member.maintenance[data-alert-id='" + pm25.alertId()
                    + "']");
            dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(inMaintenance));
            assertThat(dispatcher.driver.findElement(inMaintenance).getText())
                    .contains("in maintenance: analyser calibration");
            By queueRow = By.cssSelector("#queue tr[data-alert-id='" + pm25.alertId() + "']");
            dispatcher.wait.until(ExpectedConditions.attributeContains(queueRow, "class", "maintenance"));
            assertThat(dispatcher.driver.findElement(queueRow).getText()).contains("in maintenance");
            assertThat(dispatcher.driver.findElements(By.cssSelector("#situations li.member.maintenance")))
                    .extracting(e -> e.getAttribute("data-alert-id")).containsExactly(pm25.alertId());

            // the red rainstorm, unacknowledged for five minutes, escalates to the district's duty chief
            clock.set(t0.plus(Duration.ofMinutes(5)));
            By escalated = By.cssSelector(css(rainstorm) + " .situation-escalations li");
            dispatcher.wait.until(ExpectedConditions.visibilityOfElementLocated(escalated));
            assertThat(dispatcher.driver.findElement(escalated).getText()).startsWith("escalated to district_chief");
            dispatcher.screenshot("situations-console");

            dispatcher.driver.findElement(By.cssSelector(css(rainstorm) + " button.situation-ack")).click();
            dispatcher.wait.until(ExpectedConditions.textToBe(By.cssSelector(css(rainstorm) + " .situation-state"),
                    "✔ acknowledged by fengxian"));
            assertThat(dispatcher.driver.findElements(By.cssSelector(css(rainstorm) + " button.situation-ack")))
                    .isEmpty();
        }
    }

    /** The card of the situation whose id the server derives: district, hazard, the first condition's start. */
    private static By card(String district, String hazard, Instant since) {
        return By.cssSelector("#situations li.situation[data-situation-id='sit-" + district + "-" + hazard + "-"
                + since.getEpochSecond() + "']");
    }

    private static String css(By by) {
        return by.toString().substring("By.cssSelector: ".length());
    }

    private static List<String> members(WebElement card) {
        return card.findElements(By.cssSelector("li.member")).stream().map(e -> e.getAttribute("data-alert-id"))
                .toList();
    }

    private static String login(String username) throws Exception {
        return http.post(server.port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", username).put("password", PASSWORD))
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
    }

    private static AlertEvent alert(String prefix, String indicator, Level level, Instant since) {
        return new AlertEvent(prefix + "-" + since.getEpochSecond(), 1, "level", indicator, FENGXIAN,
                AlertKind.OPENED, level, Level.NORMAL, 1, 1, since, since, AlertAudience.OPERATIONS, Origin.LIVE,
                indicator + " opened");
    }
}
