package org.cityvitals.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.cityvitals.dashboard.http.HttpServerVerticle;
import org.cityvitals.indicators.level.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The front door against a real broker, ClickHouse and real clients: 401 on every protected route, 403 where the
 * permission table says no, 404 for every alert outside the caller's scope, 429 and the lockout, cities as tenants,
 * logout, and no start without users outside the demo.
 */
class FrontDoorIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Set<String> PUBLIC = Set.of("login", "demoAccounts", "health", "ready", "metrics", "openapi",
            "openDatasets", "openHourly");
    @RegisterExtension
    static final RunningDashboard dashboard = new RunningDashboard();

    @Test
    void everyProtectedRouteIs401WithoutAValidToken() throws Exception {
        List<Operation> operations = OpenAPIContract.from(dashboard.vertx(), HttpServerVerticle.CONTRACT)
                .await(10, TimeUnit.SECONDS).operations();
        int checked = 0;
        for (Operation op : operations) {
            if (PUBLIC.contains(op.getOperationId())) {
                continue;
            }
            String path = op.getOpenAPIPath().replace("{alertId}", "any");
            for (String token : new String[] {null, "not-a-jwt"}) {
                var request = dashboard.http().request(op.getHttpMethod(), dashboard.server().port(), "127.0.0.1",
                        path);
                if (token != null) {
                    request.bearerTokenAuthentication(token);
                }
                HttpResponse<Buffer> answer = (op.getHttpMethod() == HttpMethod.POST
                        ? request.sendJsonObject(new JsonObject()) : request.send()).await(10, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as(op.getHttpMethod() + " " + path + " with " + token).isEqualTo(401);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2 * (operations.size() - PUBLIC.size()));
    }

    @Test
    void rolesAreCheckedAgainstThePermissionTable() throws Exception {
        String alertId = "door-perm-" + System.nanoTime();
        dashboard.stack().publish(Signals.opened(alertId, "310101", Level.ORANGE, 170));
        String huangpu = login("huangpu", "huangpu");
        awaitStatus("/api/alerts/" + alertId, huangpu, 200);
        String inTwoHours = Instant.now().plus(2, ChronoUnit.HOURS).toString();
        String inThirtyMinutes = Instant.now().plus(30, ChronoUnit.MINUTES).toString();

        // the demo's analyst is cleared for open data only: an alert is internal, so for them it does not exist
        assertThat(act(alertId, login("analyst", "analyst"), "acknowledge", null).statusCode()).isEqualTo(404);
        // an analyst cleared for internal data sees it, and their role may not acknowledge it
        String internalAnalyst = "door-analyst-" + System.nanoTime();
        HttpResponse<Buffer> created = dashboard.http().put(dashboard.server().port(), "127.0.0.1",
                        "/api/admin/users/" + internalAnalyst).bearerTokenAuthentication(login("admin", "admin"))
                .sendJsonObject(new JsonObject().put("role", "analyst").put("clearance", "internal")
                        .put("districts", new io.vertx.core.json.JsonArray().add("*"))
                        .put("password", "analyst-" + internalAnalyst))
                .await(30, TimeUnit.SECONDS);
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        HttpResponse<Buffer> analyst = act(alertId, login(internalAnalyst, "analyst-" + internalAnalyst),
                "acknowledge", null);
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(analyst.bodyAsJsonObject().getString("error")).contains("analyst", "acknowledge");
        HttpResponse<Buffer> longSilence = act(alertId, huangpu, "silence", inTwoHours);
        assertThat(longSilence.statusCode()).isEqualTo(403);
        assertThat(longSilence.bodyAsJsonObject().getString("error")).contains("dispatcher", "silence long");
        assertThat(act(alertId, huangpu, "silence", inThirtyMinutes).statusCode()).isEqualTo(201);
        assertThat(act(alertId, huangpu, "resolve", null).statusCode()).isEqualTo(201);
        assertThat(act(alertId, login("ops", "ops"), "silence", inTwoHours).statusCode()).isEqualTo(201);
    }

    @Test
    void everyAlertOutsideTheCallersScopeIsAnsweredLikeAnUnknownOne() throws Exception {
        String pudongAlert = "door-pudong-" + System.nanoTime();
        String beijingAlert = "door-beijing-" + System.nanoTime();
        dashboard.stack().publish(Signals.opened(pudongAlert, "310115", Level.RED, 300));
        dashboard.stack().publish(Signals.opened(beijingAlert, "110101", Level.RED, 300));
        String ops = login("ops", "ops");
        String beijing = login("beijing", "beijing");
        awaitStatus("/api/alerts/" + pudongAlert, ops, 200);
        awaitStatus("/api/alerts/" + beijingAlert, beijing, 200);

        String huangpu = login("huangpu", "huangpu");
        String unknown = get("/api/alerts/no-such-alert", huangpu).bodyAsString().replace("no-such-alert", "ID");
        for (String[] probe : new String[][] {{pudongAlert, huangpu}, {beijingAlert, ops}, {pudongAlert, beijing}}) {
            HttpResponse<Buffer> detail = get("/api/alerts/" + probe[0], probe[1]);
            assertThat(detail.statusCode()).isEqualTo(404);
            assertThat(detail.bodyAsString().replace(probe[0], "ID")).isEqualTo(unknown);
            assertThat(act(probe[0], probe[1], "acknowledge", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aBeijingUserSeesNothingOfShanghaiAndTheReverseOverRestAndWebSocket() throws Exception {
        String beijingToken = login("beijing", "beijing");
        String opsToken = login("ops", "ops");
        try (WsProbe beijing = WsProbe.open(dashboard.vertx(), dashboard.server().port(), beijingToken);
             WsProbe shanghai = WsProbe.open(dashboard.vertx(), dashboard.server().port(), opsToken)) {
            beijing.awaitType("snapshot");
            shanghai.awaitType("snapshot");
            String bjAlert = "tenant-bj-" + System.nanoTime();
            String shAlert = "tenant-sh-" + System.nanoTime();
            dashboard.stack().publish(Signals.value("air.pm25", "110101", 201, Level.RED));
            dashboard.stack().publish(Signals.value("air.pm25", "110000", 150, Level.ORANGE));
            dashboard.stack().publish(Signals.health("110000", 55, Level.ORANGE));
            dashboard.stack().publish(Signals.opened(bjAlert, "110101", Level.RED, 201));
            dashboard.stack().publish(Signals.value("air.pm25", "310101", 33, Level.NORMAL));
            dashboard.stack().publish(Signals.health("310000", 91, Level.BLUE));
            dashboard.stack().publish(Signals.opened(shAlert, "310101", Level.YELLOW, 90));
            beijing.await(m -> m.encode().contains(bjAlert), WAIT);
            beijing.await(m -> m.encode().contains("\"110000\""), WAIT);
            shanghai.await(m -> m.encode().contains(shAlert), WAIT);
            shanghai.await(m -> m.encode().contains("\"310000\""), WAIT);
            // each screen got the other city's messages' turn: later ones of its own city arrived
            assertThat(beijing.received).noneMatch(m -> m.encode().contains("\"31"));
            assertThat(shanghai.received).noneMatch(m -> m.encode().contains("\"11"));
        }
        for (String uri : List.of("/api/latest", "/api/alerts/open", "/api/districts", "/api/geo")) {
            assertThat(get(uri, beijingToken).bodyAsString()).as(uri).doesNotContain("\"31");
            assertThat(get(uri, opsToken).bodyAsString()).as(uri).doesNotContain("\"11");
        }
        assertThat(get("/api/history?indicator=air.pm25&district=310101", beijingToken).statusCode()).isEqualTo(403);
        assertThat(get("/api/health/history?district=110000", opsToken).statusCode()).isEqualTo(403);
        assertThat(get("/api/districts", beijingToken).bodyAsJsonObject().getJsonObject("city").getString("id"))
                .isEqualTo("beijing");
    }

    @Test
    void aLogoutRevokesTheTokenOnTheServerAndClosesItsSockets() throws Exception {
        String token = login("xuhui", "xuhui");
        try (WsProbe screen = WsProbe.open(dashboard.vertx(), dashboard.server().port(), token)) {
            screen.awaitType("snapshot");
            HttpResponse<Buffer> logout = dashboard.http().post(dashboard.server().port(), "127.0.0.1", "/api/logout")
                    .bearerTokenAuthentication(token).send().await(10, TimeUnit.SECONDS);
            assertThat(logout.statusCode()).isEqualTo(204);
            assertThat(screen.awaitClose(WAIT)).isEqualTo((short) 4401);
        }
        assertThat(get("/api/me", token).statusCode()).isEqualTo(401);
        try (WsProbe again = WsProbe.open(dashboard.vertx(), dashboard.server().port(), token)) {
            assertThat(again.awaitClose(WAIT)).isEqualTo((short) 4401);
        }
    }

    @Test
    void fiveWrongPasswordsLockTheNameWith429EvenForTheRightOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(postLogin("pudong", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<Buffer> locked = postLogin("pudong", "pudong");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(locked.getHeader("Retry-After"))).isBetween(1, 900);
        assertThat(locked.bodyAsJsonObject().getString("error")).contains("too many failed logins");
        assertThat(postLogin("xuhui", "xuhui").statusCode()).as("another name still logs in").isEqualTo(200);
    }

    @Test
    void anUnknownUserCostsWhatAWrongPasswordCosts() throws Exception {
        // interleaved, so that a pause of this busy machine falls on both sides alike
        long[] unknownTimes = new long[3];
        long[] wrongTimes = new long[3];
        for (int i = 0; i < 3; i++) {
            unknownTimes[i] = failedLoginMillis("nobody-at-all");
            wrongTimes[i] = failedLoginMillis("admin");
        }
        long unknown = median(unknownTimes);
        long wrong = median(wrongTimes);
        assertThat((double) unknown).as("ms for an unknown user vs %d ms for a wrong password", wrong)
                .isBetween(wrong * 0.6, wrong * 1.6);
    }

    @Test
    void withoutUsersTheServerRefusesToStartOutsideTheDemo() {
        DashboardConfig noUsers = new DashboardConfig("127.0.0.1", 0, dashboard.stack().kafka,
                dashboard.stack().config().clickHouseJdbcUrl(),
                "cityvitals", null, false, null, Duration.ofMinutes(15), DashboardConfig.Limits.DEFAULT, null,
                Clock.systemUTC());
        assertThatThrownBy(() -> DashboardServer.start(dashboard.vertx(), noUsers).await(10, TimeUnit.SECONDS))
                .hasMessageContaining("no users").hasMessageContaining("--users FILE");
    }

    /** One failed login of {@code user}; 3 + 3 failures stay under the name lockout of 5 and the address's of 20. */
    private static long failedLoginMillis(String user) throws Exception {
        long start = System.nanoTime();
        assertThat(postLogin(user, "definitely-wrong").statusCode()).isEqualTo(401);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static HttpResponse<Buffer> act(String alertId, String token, String action, String silencedUntil)
            throws Exception {
        JsonObject body = new JsonObject().put("action", action);
        if (silencedUntil != null) {
            body.put("silencedUntil", silencedUntil);
        }
        return dashboard.http().post(dashboard.server().port(), "127.0.0.1", "/api/alerts/" + alertId + "/actions")
                .bearerTokenAuthentication(token).sendJsonObject(body).await(10, TimeUnit.SECONDS);
    }

    private static void awaitStatus(String uri, String token, int status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (get(uri, token).statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(get(uri, token).statusCode()).as(uri).isEqualTo(status);
    }

    private static String login(String user, String password) throws Exception {
        HttpResponse<Buffer> response = postLogin(user, password);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject().getString("token");
    }

    private static HttpResponse<Buffer> postLogin(String user, String password) throws Exception {
        return dashboard.http().post(dashboard.server().port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", user).put("password", password))
                .await(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<Buffer> get(String uri, String token) throws Exception {
        return dashboard.http().get(dashboard.server().port(), "127.0.0.1", uri).bearerTokenAuthentication(token).send()
                .await(10, TimeUnit.SECONDS);
    }
}
