package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shift handover in Chromium against the real stack: Jinshan's day dispatcher leaves a note from the console; the
 * night dispatcher of the same district sees it on opening the console, with its author; it is a row of ClickHouse
 * {@code handover_notes}; a dispatcher of another district neither sees it nor can write to Jinshan's shift. Jinshan
 * (310116) has no handover notes from any other test.
 */
class HandoverNotesIT {

    private static final String JINSHAN = "310116";
    private static final String MINHANG = "310112";
    private static final String PASSWORD = "handover";

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static DashboardServer server;
    private static WebClient http;

    @BeforeAll
    static void start() throws Exception {
        PlatformUsers.create(List.of(user("jinshan-day", JINSHAN), user("jinshan-night", JINSHAN),
                user("minhang-day", MINHANG)));
        vertx = Vertx.vertx();
        server = TestStack.startReady(vertx, TestStack.get().config().withJwtSecret("handover-it"));
        http = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        server.close().await();
        vertx.close().await();
    }

    private static JsonObject user(String name, String district) {
        return PlatformUsers.user(name, PASSWORD, "dispatcher", "shanghai", district);
    }

    @Test
    void theNextShiftSeesTheNoteTheDayShiftLeftAndNoOtherDistrictDoes() throws Exception {
        String text = "Pump 3 at the Zhujing underpass replaced; watch the ponding sensor there tonight";
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Chromium day = new Chromium(server.port(), dir.resolve("chromium-day"))
                .login("jinshan-day", PASSWORD, "#/console")) {
            day.driver.findElement(By.id("lang-switch")).click();
            day.wait.until(ExpectedConditions.textToBe(By.id("lang-switch"), "中文"));
            // a district dispatcher's only area is the district itself
            assertThat(day.jsList("return [...document.querySelectorAll('#handover-area option')]"
                    + ".map((o) => ({value: o.value, text: o.textContent}))"))
                    .containsExactly(Map.of("value", JINSHAN, "text", "Jinshan"));
            day.driver.findElement(By.id("handover-note")).sendKeys(text);
            day.driver.findElement(By.id("handover-submit")).click();
            day.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-notes"), text));
            assertThat(day.driver.findElement(By.id("handover-note")).getAttribute("value")).isEmpty();
        }
        Instant after = Instant.now();

        try (Chromium night = new Chromium(server.port(), dir.resolve("chromium-night"))
                .login("jinshan-night", PASSWORD, "#/console")) {
            night.driver.findElement(By.id("lang-switch")).click();
            night.wait.until(ExpectedConditions.textToBe(By.id("lang-switch"), "中文"));
            By note = By.cssSelector("#handover-notes li[data-area='" + JINSHAN + "']");
            night.wait.until(ExpectedConditions.textToBePresentInElementLocated(note, text));
            assertThat(night.text(note)).startsWith("Jinshan · jinshan-day · ");
            assertThat(night.driver.findElement(By.id("handover-empty")).isDisplayed()).isFalse();
            night.screenshot("handover-console");
        }

        List<JsonObject> stored = TestStack.get().clickHouse.query("SELECT area, author, note, "
                + "toUnixTimestamp(written_at) FROM cityvitals.handover_notes FINAL WHERE author = 'jinshan-day'",
                rs -> new JsonObject().put("area", rs.getString(1)).put("author", rs.getString(2))
                        .put("note", rs.getString(3)).put("at", rs.getLong(4)));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getString("area")).isEqualTo(JINSHAN);
        assertThat(stored.get(0).getString("note")).isEqualTo(text);
        assertThat(stored.get(0).getLong("at")).isBetween(before.getEpochSecond(), after.getEpochSecond());

        String minhang = login("minhang-day");
        JsonArray minhangSees = get(minhang, "/api/handover-notes").bodyAsJsonObject().getJsonArray("notes");
        assertThat(minhangSees.stream().map(n -> ((JsonObject) n).getString("author"))).doesNotContain("jinshan-day");
        assertThat(get(minhang, "/api/handover-notes?area=" + JINSHAN).statusCode()).isEqualTo(403);
        HttpResponse<Buffer> refused = http.post(server.port(), "127.0.0.1", "/api/handover-notes")
                .bearerTokenAuthentication(minhang)
                .sendJsonObject(new JsonObject().put("area", JINSHAN).put("note", "not my district"))
                .await(10, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.bodyAsJsonObject().getString("error")).startsWith("area 310116 is outside your scope");
    }

    private static HttpResponse<Buffer> get(String token, String path) throws Exception {
        return http.get(server.port(), "127.0.0.1", path).bearerTokenAuthentication(token).send()
                .await(10, TimeUnit.SECONDS);
    }

    private static String login(String username) throws Exception {
        return http.post(server.port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", username).put("password", PASSWORD))
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
    }
}
