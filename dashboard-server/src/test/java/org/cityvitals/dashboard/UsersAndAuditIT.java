package org.cityvitals.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.governance.ClearanceDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users, roles, scopes, clearance and duty managed by an admin through the API on a real server and ClickHouse: a
 * user created there logs in with what was given, a change of clearance holds at their next request, a removed user's
 * token stops working, nobody but an admin may do any of it, and every change and every read of the audit log is in
 * the audit log with who, what and when. The demo's {@code admin} has manage_users and view_audit, {@code ops} neither
 * (docs/ACCESS.md).
 */
class UsersAndAuditIT {

    @RegisterExtension
    static final RunningDashboard dashboard = new RunningDashboard();

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path profiles;

    @Test
    void anAdminManagesUsersThroughTheApiAndEveryChangeIsAudited() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String admin = dashboard.token("admin");
        String name = "gov-user-" + RUN;
        JsonObject definition = new JsonObject().put("displayName", "测试 Analyst").put("role", "analyst")
                .put("cities", new JsonArray(List.of("shanghai"))).put("districts", new JsonArray(List.of("310101")))
                .put("clearance", "open").put("duty", new JsonArray()).put("password", "correct-horse-" + RUN);

        HttpResponse<Buffer> created = send(HttpMethod.PUT, "/api/admin/users/" + name, admin, definition);
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        String token = login(name, "correct-horse-" + RUN);
        JsonObject me = send(HttpMethod.GET, "/api/me", token, null).bodyAsJsonObject();
        assertThat(me.getString("role")).isEqualTo("analyst");
        assertThat(me.getString("clearance")).isEqualTo("open");
        assertThat(me.getJsonArray("districts").getList()).containsExactly("310101");
        assertThat(me.getBoolean("allDistricts")).isFalse();
        assertThat(send(HttpMethod.GET, "/api/history?indicator=water.pressure_min&district=310101", token, null)
                .statusCode()).as("an open user asking for internal data").isEqualTo(403);

        // the same user, now cleared for internal data: no new login needed, no password sent
        definition.remove("password");
        HttpResponse<Buffer> changed = send(HttpMethod.PUT, "/api/admin/users/" + name, admin,
                definition.copy().put("clearance", "internal"));
        assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);
        assertThat(send(HttpMethod.GET, "/api/me", token, null).bodyAsJsonObject().getString("clearance"))
                .isEqualTo("internal");
        assertThat(send(HttpMethod.GET, "/api/history?indicator=water.pressure_min&district=310101", token, null)
                .statusCode()).isEqualTo(200);
        assertThat(send(HttpMethod.GET, "/api/admin/users", admin, null).bodyAsJsonObject().getJsonArray("users")
                .stream().map(u -> ((JsonObject) u).getString("username")).toList()).contains(name, "admin", "ops");
        assertThat(send(HttpMethod.GET, "/api/admin/users", admin, null).bodyAsString())
                .as("no password hash leaves the server").doesNotContain("pbkdf2");

        String ops = dashboard.token("ops");
        HttpResponse<Buffer> notAdmin = send(HttpMethod.PUT, "/api/admin/users/" + name, ops,
                definition.copy().put("clearance", "sensitive"));
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(notAdmin.bodyAsJsonObject().getString("error")).contains("operator", "manage users");
        assertThat(send(HttpMethod.GET, "/api/admin/audit", ops, null).statusCode()).isEqualTo(403);
        HttpResponse<Buffer> badRole = send(HttpMethod.PUT, "/api/admin/users/" + name, admin,
                definition.copy().put("cities", new JsonArray(List.of("atlantis"))));
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.bodyAsJsonObject().getString("error")).contains("atlantis");

        assertThat(send(HttpMethod.DELETE, "/api/admin/users/" + name, admin, null).statusCode()).isEqualTo(204);
        assertThat(send(HttpMethod.GET, "/api/me", token, null).statusCode())
                .as("a removed user's token").isEqualTo(401);
        assertThat(dashboard.http().post(dashboard.server().port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", name).put("password", "correct-horse-" + RUN))
                .await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(401);
        assertThat(send(HttpMethod.DELETE, "/api/admin/users/admin", admin, null).statusCode())
                .as("an admin removing themselves").isEqualTo(409);

        // the audit log: the three changes by admin, and the read of the log itself
        send(HttpMethod.GET, "/api/admin/audit", admin, null);
        JsonArray entries = awaitEntries(admin, name, 3);
        assertThat(entries.stream().map(e -> (JsonObject) e).filter(e -> e.getString("target").equals(name))
                .map(e -> e.getString("actor") + " " + e.getString("action")).toList())
                .containsExactlyInAnyOrder("admin user_removed", "admin user_changed", "admin user_created");
        JsonObject creation = entries.stream().map(e -> (JsonObject) e)
                .filter(e -> e.getString("target").equals(name) && e.getString("action").equals("user_created"))
                .findFirst().orElseThrow();
        assertThat(Instant.parse(creation.getString("at"))).isBetween(start, Instant.now());
        assertThat(creation.getString("detail")).contains("\"clearance\":\"open\"", "password set")
                .doesNotContain("correct-horse", "pbkdf2");
        assertThat(entries.stream().map(e -> (JsonObject) e).anyMatch(e -> e.getString("actor").equals("admin")
                && e.getString("action").equals("read_sensitive") && e.getString("target").equals("audit_log")))
                .as("reading the audit log is recorded").isTrue();
    }

    @Test
    void anAdminCreatesAndRemovesAUserOnTheUsersPageAndOthersDoNotSeeIt() throws Exception {
        String name = "gov-page-" + RUN;
        try (Chromium admin = new Chromium(dashboard.server().port(), profiles.resolve("admin"))
                .login("admin", "admin", "#/users")) {
            admin.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-user='admin']")));
            admin.driver.findElement(By.id("user-name")).sendKeys(name);
            admin.driver.findElement(By.id("user-display")).sendKeys("页面 Page user");
            new Select(admin.driver.findElement(By.id("user-role"))).selectByValue("dispatcher");
            admin.driver.findElement(By.id("user-districts")).sendKeys("310101, 310104");
            new Select(admin.driver.findElement(By.id("user-clearance"))).selectByValue("open");
            admin.driver.findElement(By.id("user-duty")).sendKeys("district_chief");
            admin.driver.findElement(By.id("user-password")).sendKeys("page-password-" + RUN);
            admin.driver.findElement(By.id("user-save")).click();
            By row = By.cssSelector("tr[data-user='" + name + "']");
            admin.wait.until(ExpectedConditions.presenceOfElementLocated(row));
            admin.screenshot("users-page");

            JsonObject stored = send(HttpMethod.GET, "/api/admin/users", admin.token(), null).bodyAsJsonObject()
                    .getJsonArray("users").stream().map(u -> (JsonObject) u)
                    .filter(u -> u.getString("username").equals(name)).findFirst().orElseThrow();
            assertThat(stored.getString("role")).isEqualTo("dispatcher");
            assertThat(stored.getString("clearance")).isEqualTo("open");
            assertThat(stored.getJsonArray("districts").getList()).containsExactly("310101", "310104");
            assertThat(stored.getJsonArray("duty").getList()).containsExactly("district_chief");
            assertThat(login(name, "page-password-" + RUN)).isNotBlank();

            admin.driver.findElement(row).findElement(By.cssSelector(".user-remove")).click();
            admin.wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
            assertThat(send(HttpMethod.GET, "/api/admin/users", admin.token(), null).bodyAsString())
                    .doesNotContain(name);
        }
        try (Chromium ops = new Chromium(dashboard.server().port(), profiles.resolve("ops"))
                .login("ops", "ops", "#/screen")) {
            assertThat(ops.driver.findElement(By.cssSelector("#nav a[data-route='users']")).isDisplayed())
                    .as("the users page's link for an operator").isFalse();
        }
    }

    @Test
    void anAccessChangeEndsTheUsersOpenSocketAndTheNextOneHasTheNewAccess() throws Exception {
        String admin = dashboard.token("admin");
        String name = "gov-socket-" + RUN;
        String chongming = "310151";
        JsonObject definition = new JsonObject().put("displayName", "Socket user").put("role", "operator")
                .put("cities", new JsonArray(List.of("shanghai"))).put("districts", new JsonArray(List.of(chongming)))
                .put("clearance", "internal").put("password", "socket-password-" + RUN);
        assertThat(send(HttpMethod.PUT, "/api/admin/users/" + name, admin, definition).statusCode()).isEqualTo(201);
        // network-end water pressure is internal (classification.yaml)
        dashboard.stack().publish(Signals.value("water.pressure_min", chongming, 0.287, Level.NORMAL));
        String token = login(name, "socket-password-" + RUN);

        try (WsProbe internal = WsProbe.open(dashboard.vertx(), dashboard.server().port(), token)) {
            internal.await(m -> m.getString("type").equals("snapshot") && hasWaterPressure(m, chongming),
                    Duration.ofSeconds(20));
            definition.remove("password");
            assertThat(send(HttpMethod.PUT, "/api/admin/users/" + name, admin,
                    definition.copy().put("clearance", "open")).statusCode()).isEqualTo(200);
            assertThat(internal.awaitClose(Duration.ofSeconds(5))).as("the socket opened as internal")
                    .isEqualTo((short) 4409);
            assertThat(internal.closeReason()).contains("access was changed");
        }
        try (WsProbe open = WsProbe.open(dashboard.vertx(), dashboard.server().port(), token)) {
            JsonObject snapshot = open.awaitType("snapshot");
            assertThat(hasWaterPressure(snapshot, chongming)).as("internal data on the reopened socket").isFalse();
            assertThat(send(HttpMethod.DELETE, "/api/admin/users/" + name, admin, null).statusCode()).isEqualTo(204);
            assertThat(open.awaitClose(Duration.ofSeconds(5))).as("the removed user's socket").isEqualTo((short) 4401);
            assertThat(open.closeReason()).contains("removed");
        }
    }

    @Test
    void aSqlReadOfTheSensitiveAnalystAccountIsInTheAuditApi() throws Exception {
        TestStack stack = dashboard.stack();
        // the clearance databases, as db migrate makes them: the sensitive account may open only its own
        new ClearanceDatabases(stack.clickHouse, "cityvitals", Classification.loadDefault()).apply();
        String account = "analyst_sensitive";
        String query = "SELECT count() FROM incidents WHERE id = 'audited-" + RUN + "'";
        new ClickHouse(stack.clickHouseServer.jdbcUrl("cityvitals_sensitive"), account,
                ClickHouseServer.DEFAULT_CLEARANCE_PASSWORDS.get(account)).query(query, rs -> rs.getLong(1));

        String admin = dashboard.token("admin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<JsonObject> reads;
        do {
            Thread.sleep(250); // the server flushes its query log every second
            reads = send(HttpMethod.GET, "/api/admin/audit", admin, null).bodyAsJsonObject().getJsonArray("entries")
                    .stream().map(e -> (JsonObject) e).filter(e -> e.getString("detail").startsWith(query)).toList();
        } while (reads.isEmpty() && System.nanoTime() < deadline);
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).getString("actor")).isEqualTo(account);
        assertThat(reads.get(0).getString("action")).isEqualTo("sql_read");
        assertThat(reads.get(0).getString("target")).isEqualTo("cityvitals_sensitive");
    }

    @Test
    void aConnectionsFirstSensitiveFrameIsAuditedOnceAndAnInternalConnectionGetsNeitherFrameNorEntry()
            throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String admin = dashboard.token("admin");
        String name = "gov-ws-admin-" + RUN;
        assertThat(send(HttpMethod.PUT, "/api/admin/users/" + name, admin, new JsonObject().put("role", "admin")
                .put("cities", new JsonArray(List.of("shanghai"))).put("districts", new JsonArray(List.of("*")))
                .put("clearance", "sensitive").put("password", "ws-admin-password-" + RUN)).statusCode())
                .isEqualTo(201);
        String sensitiveUser = login(name, "ws-admin-password-" + RUN);
        // an indicator the classification does not list fails closed as sensitive (docs/GOVERNANCE.md)
        String unclassified = "runtime.added_" + RUN;
        try (WsProbe sensitive = WsProbe.open(dashboard.vertx(), dashboard.server().port(), sensitiveUser);
             WsProbe internal = WsProbe.open(dashboard.vertx(), dashboard.server().port(), dashboard.token("ops"))) {
            sensitive.awaitType("snapshot");
            internal.awaitType("snapshot");
            dashboard.stack().publish(Signals.value(unclassified, "310101", 1.0, Level.NORMAL));
            dashboard.stack().publish(Signals.value(unclassified, "310104", 2.0, Level.NORMAL));
            sensitive.await(m -> "indicator".equals(m.getString("type")) && isOf(m, unclassified, "310104"),
                    Duration.ofSeconds(20));
            int heard = internal.received.size();
            internal.await(m -> "heartbeat".equals(m.getString("type")) && internal.received.indexOf(m) > heard,
                    Duration.ofSeconds(5));
            assertThat(internal.received).as("sensitive values on an internal socket")
                    .noneMatch(m -> "indicator".equals(m.getString("type")) && isOf(m, unclassified, "310101"));
        }
        awaitEntries(admin, "websocket", 1);
        Thread.sleep(1000); // a second entry, were one written, would be written by now
        JsonArray entries = send(HttpMethod.GET, "/api/admin/audit", admin, null).bodyAsJsonObject()
                .getJsonArray("entries");
        List<JsonObject> ofTheConnection = entries.stream().map(e -> (JsonObject) e)
                .filter(e -> e.getString("target").equals("websocket") && e.getString("actor").equals(name))
                .toList();
        assertThat(ofTheConnection).as("two sensitive frames, one connection").hasSize(1);
        assertThat(ofTheConnection.get(0).getString("action")).isEqualTo("read_sensitive");
        assertThat(ofTheConnection.get(0).getString("detail")).contains("live socket", "first sensitive data");
        assertThat(Instant.parse(ofTheConnection.get(0).getString("at"))).isBetween(start, Instant.now());
        assertThat(entries.stream().map(e -> (JsonObject) e).filter(e -> e.getString("target").equals("websocket"))
                .map(e -> e.getString("actor"))).doesNotContain("ops");
    }

    private static boolean isOf(JsonObject indicatorFrame, String indicatorId, String district) {
        JsonObject value = indicatorFrame.getJsonObject("value");
        return value.getString("indicatorId").equals(indicatorId) && value.getString("district").equals(district);
    }

    private static boolean hasWaterPressure(JsonObject snapshot, String district) {
        return snapshot.getJsonArray("values").stream().map(v -> (JsonObject) v).anyMatch(
                v -> v.getString("indicatorId").equals("water.pressure_min") && v.getString("district").equals(district));
    }

    /** The audit log once it holds {@code count} entries about {@code target} (entries are written asynchronously). */
    private static JsonArray awaitEntries(String token, String target, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonArray entries;
        do {
            Thread.sleep(200);
            entries = send(HttpMethod.GET, "/api/admin/audit", token, null).bodyAsJsonObject().getJsonArray("entries");
        } while (entries.stream().filter(e -> ((JsonObject) e).getString("target").equals(target)).count() < count
                && System.nanoTime() < deadline);
        return entries;
    }

    private static String login(String user, String password) throws Exception {
        HttpResponse<Buffer> answer = dashboard.http().post(dashboard.server().port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", user).put("password", password))
                .await(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        return answer.bodyAsJsonObject().getString("token");
    }

    private static HttpResponse<Buffer> send(HttpMethod method, String uri, String token, JsonObject body)
            throws Exception {
        var request = dashboard.http().request(method, dashboard.server().port(), "127.0.0.1", uri)
                .bearerTokenAuthentication(token);
        return (body == null ? request.send() : request.sendJsonObject(body)).await(30, TimeUnit.SECONDS);
    }
}
