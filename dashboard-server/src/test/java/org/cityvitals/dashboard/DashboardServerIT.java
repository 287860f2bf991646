package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpResponse;
import org.cityvitals.dashboard.http.PortInUseException;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server against a real Kafka broker and a real ClickHouse server, through real HTTP and WebSocket clients. */
class DashboardServerIT {

    /** Shanghai's own code: the key of its city-wide series. */
    private static final String SHANGHAI = "310000";

    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final RunningDashboard dashboard = new RunningDashboard(
            c -> c.withLimits(DashboardConfig.Limits.DEFAULT.withQueue(1000)));

    @Test
    void clientReceivesSnapshotHeartbeatLiveValueAndAlert() throws Exception {
        try (WsProbe ops = WsProbe.open(dashboard.vertx(), dashboard.server().port(), login("ops", "ops"))) {
            JsonObject snapshot = ops.awaitType("snapshot");
            assertThat(snapshot.getString("user")).isEqualTo("ops");
            assertThat(snapshot.getJsonArray("values")).isNotNull();
            assertThat(snapshot.getJsonArray("alerts")).isNotNull();
            ops.awaitType("heartbeat");

            dashboard.stack().publish(Signals.value("air.pm25", "310104", 88.5, Level.BLUE));
            JsonObject value = ops.await(m -> isValue(m, "air.pm25", "310104", 88.5), WAIT).getJsonObject("value");
            assertThat(value.getString("level")).isEqualTo("blue");
            assertThat(value.getString("windowStart")).endsWith("Z");

            dashboard.stack().publish(Signals.opened("live-alert-1", "310104", Level.ORANGE, 160));
            JsonObject alert = ops.await(m -> isAlert(m, "live-alert-1"), WAIT).getJsonObject("alert");
            assertThat(alert.getString("district")).isEqualTo("310104");
            assertThat(alert.getString("level")).isEqualTo("orange");
            assertThat(alert.getString("kind")).isEqualTo("opened");
        }
    }

    @Test
    void dispatcherSeesOnlyTheirDistrictOnEveryPath() throws Exception {
        String huangpuToken = login("huangpu", "huangpu");
        try (WsProbe ops = WsProbe.open(dashboard.vertx(), dashboard.server().port(), login("ops", "ops"));
             WsProbe huangpu = WsProbe.open(dashboard.vertx(), dashboard.server().port(), huangpuToken)) {
            ops.awaitType("snapshot");
            huangpu.awaitType("snapshot");

            dashboard.stack().publish(Signals.value("air.pm25", "310115", 301, Level.RED));
            dashboard.stack().publish(Signals.value("air.pm25", SHANGHAI, 120, Level.YELLOW));
            dashboard.stack().publish(Signals.opened("scope-pudong", "310115", Level.RED, 301));
            // the hub sends to every client in order: once ops has the Pudong alert, huangpu has had its chance
            ops.await(m -> isAlert(m, "scope-pudong"), WAIT);
            ops.await(m -> isValue(m, "air.pm25", "310115", 301), WAIT);
            dashboard.stack().publish(Signals.value("air.pm25", "310101", 42, Level.NORMAL));
            dashboard.stack().publish(Signals.opened("scope-huangpu", "310101", Level.BLUE, 80));
            huangpu.await(m -> isValue(m, "air.pm25", "310101", 42), WAIT);
            huangpu.await(m -> isAlert(m, "scope-huangpu"), WAIT);
            ops.await(m -> isAlert(m, "scope-huangpu"), WAIT);

            assertThat(huangpu.received).noneMatch(m -> m.encode().contains("310115"))
                    .noneMatch(m -> m.encode().contains("\"district\":\"city\""));
        }
        // a fresh snapshot and the REST answers are cut the same way
        try (WsProbe again = WsProbe.open(dashboard.vertx(), dashboard.server().port(), huangpuToken)) {
            JsonObject snapshot = again.awaitType("snapshot");
            assertThat(districts(snapshot.getJsonArray("values"))).containsOnly("310101");
            assertThat(districts(snapshot.getJsonArray("alerts"))).containsOnly("310101");
        }
        assertThat(districts(get("/api/latest", huangpuToken).bodyAsJsonArray())).containsOnly("310101");
        assertThat(districts(get("/api/alerts/open", huangpuToken).bodyAsJsonObject().getJsonArray("alerts")))
                .containsOnly("310101");
        assertThat(districts(get("/api/districts", huangpuToken).bodyAsJsonObject().getJsonArray("districts"),
                "code")).containsExactly("310101");
        HttpResponse<Buffer> history = get("/api/history?indicator=air.pm25&district=310115", huangpuToken);
        assertThat(history.statusCode()).isEqualTo(403);
        assertThat(history.bodyAsJsonObject().getString("error")).contains("310115");
    }

    @Test
    void healthScoresArriveLiveAndInSnapshotsCutToScope() throws Exception {
        String huangpuToken = login("huangpu", "huangpu");
        try (WsProbe ops = WsProbe.open(dashboard.vertx(), dashboard.server().port(), login("ops", "ops"));
             WsProbe huangpu = WsProbe.open(dashboard.vertx(), dashboard.server().port(), huangpuToken)) {
            ops.awaitType("snapshot");
            huangpu.awaitType("snapshot");
            dashboard.stack().publish(Signals.health("310115", 41, Level.RED));
            dashboard.stack().publish(Signals.health(SHANGHAI, 77, Level.ORANGE));
            ops.await(m -> isHealth(m, "310115", 41), WAIT);
            JsonObject city = ops.await(m -> isHealth(m, SHANGHAI, 77), WAIT).getJsonObject("health");
            assertThat(city.getString("worstLevel")).isEqualTo("orange");
            dashboard.stack().publish(Signals.health("310101", 93, Level.BLUE));
            huangpu.await(m -> isHealth(m, "310101", 93), WAIT);
            assertThat(huangpu.received).noneMatch(m -> m.encode().contains("310115"))
                    .noneMatch(m -> "health".equals(m.getString("type"))
                            && m.getJsonObject("health").getString("district").equals(SHANGHAI));
        }
        try (WsProbe again = WsProbe.open(dashboard.vertx(), dashboard.server().port(), huangpuToken)) {
            assertThat(districts(again.awaitType("snapshot").getJsonArray("health"))).containsExactly("310101");
        }
    }

    @Test
    void healthHistoryComesFromClickHouseWithCorrectionsAppliedAndScoped() throws Exception {
        long start = Instant.parse("2024-05-01T00:00:00Z").getEpochSecond();
        dashboard.stack().clickHouse.execute("INSERT INTO cityvitals.health_scores (district, window_start, score, worst_level, version)"
                + " VALUES ('310118', toDateTime(" + start
                + "), 70, 'yellow', 1), ('310118', toDateTime(" + start + "), 64.5, 'orange', 2), ('310118', "
                + "toDateTime(" + (start + 60) + "), 88, 'blue', 1), ('310118', toDateTime(" + (start + 7200)
                + "), 99, 'normal', 1)");

        HttpResponse<Buffer> answer = get("/api/health/history?district=310118&from=2024-05-01T00:00:00Z"
                + "&to=2024-05-01T01:00:00Z", login("ops", "ops"));
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        JsonArray rows = answer.bodyAsJsonArray();

        assertThat(rows).hasSize(2);
        assertThat(rows.getJsonObject(0).getDouble("score")).isEqualTo(64.5);
        assertThat(rows.getJsonObject(0).getString("worstLevel")).isEqualTo("orange");
        assertThat(rows.getJsonObject(1).getString("windowStart")).isEqualTo("2024-05-01T00:01:00Z");
        HttpResponse<Buffer> outside = get("/api/health/history?district=310118", login("huangpu", "huangpu"));
        assertThat(outside.statusCode()).isEqualTo(403);
        HttpResponse<Buffer> badRange = get("/api/health/history?district=310000&from=yesterday", login("ops", "ops"));
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(badRange.bodyAsJsonObject().getString("error")).contains("from");
    }

    @Test
    void anActionOnOneScreenReachesEveryScreenInScopeAtOnceAndIsRecordedWithTheUser() throws Exception {
        String opsToken = login("ops", "ops");
        try (WsProbe acting = WsProbe.open(dashboard.vertx(), dashboard.server().port(), opsToken);
             WsProbe watching = WsProbe.open(dashboard.vertx(), dashboard.server().port(), opsToken);
             WsProbe pudong = WsProbe.open(dashboard.vertx(), dashboard.server().port(), login("pudong", "pudong"))) {
            acting.awaitType("snapshot");
            watching.awaitType("snapshot");
            pudong.awaitType("snapshot");
            dashboard.stack().publish(Signals.opened("act-huangpu", "310101", Level.ORANGE, 170));
            acting.await(m -> isAlert(m, "act-huangpu"), WAIT);

            HttpResponse<Buffer> posted = postAction("act-huangpu", opsToken,
                    new JsonObject().put("action", "acknowledge").put("note", "crew on the way"));

            assertThat(posted.statusCode()).as(posted.bodyAsString()).isEqualTo(201);
            String actionId = posted.bodyAsJsonObject().getString("actionId");
            JsonObject pushed = watching.await(m -> isAction(m, actionId), WAIT);
            assertThat(pushed.getJsonObject("action").getString("user")).isEqualTo("ops");
            assertThat(pushed.getJsonObject("action").getString("kind")).isEqualTo("acknowledge");
            assertThat(pushed.getJsonObject("handling").getJsonObject("acknowledged").getString("note"))
                    .isEqualTo("crew on the way");
            acting.await(m -> isAction(m, actionId), WAIT);
            // a later alert in Pudong reaches pudong after the action would have: the action was withheld
            dashboard.stack().publish(Signals.opened("act-pudong", "310115", Level.BLUE, 90));
            pudong.await(m -> isAlert(m, "act-pudong"), WAIT);
            assertThat(pudong.received).noneMatch(m -> m.encode().contains("act-huangpu"));
        }
        List<String> stored = dashboard.stack().clickHouse.query("SELECT concat(user_name, '/', toString(action), '/', note) "
                + "FROM cityvitals.alert_actions FINAL WHERE alert_id = 'act-huangpu'", rs -> rs.getString(1));
        assertThat(stored).containsExactly("ops/acknowledge/crew on the way");
        JsonObject described = get("/api/alerts/act-huangpu", opsToken).bodyAsJsonObject();
        assertThat(described.getJsonArray("transitions").getJsonObject(0).getString("kind")).isEqualTo("opened");
        assertThat(described.getJsonArray("actions").getJsonObject(0).getString("user")).isEqualTo("ops");
    }

    @Test
    void actionsOutsideScopeOnUnknownAlertsOrMalformedAreRefusedWithTheReason() throws Exception {
        String opsToken = login("ops", "ops");
        String huangpuToken = login("huangpu", "huangpu");
        try (WsProbe ops = WsProbe.open(dashboard.vertx(), dashboard.server().port(), opsToken)) {
            dashboard.stack().publish(Signals.opened("refuse-pudong", "310115", Level.RED, 300));
            ops.await(m -> isAlert(m, "refuse-pudong"), WAIT);
        }
        JsonObject acknowledge = new JsonObject().put("action", "acknowledge");

        // another district's alert is answered exactly like one that does not exist: ids reveal nothing
        HttpResponse<Buffer> outside = postAction("refuse-pudong", huangpuToken, acknowledge);
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(outside.bodyAsJsonObject().getString("error")).isEqualTo("no alert with id refuse-pudong");
        assertThat(get("/api/alerts/refuse-pudong", huangpuToken).statusCode()).isEqualTo(404);
        HttpResponse<Buffer> unknown = postAction("no-such-alert", opsToken, acknowledge);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.bodyAsJsonObject().getString("error")).contains("no-such-alert");
        HttpResponse<Buffer> ignore = postAction("refuse-pudong", opsToken, new JsonObject().put("action", "ignore"));
        assertThat(ignore.statusCode()).isEqualTo(400);
        assertThat(ignore.bodyAsJsonObject().getString("error")).contains("action");
        assertThat(postAction("refuse-pudong", opsToken, new JsonObject().put("action", "silence"))
                .bodyAsJsonObject().getString("error")).contains("silence needs silencedUntil");
        assertThat(postAction("refuse-pudong", opsToken, new JsonObject().put("action", "assign")).statusCode())
                .isEqualTo(400);
        assertThat(dashboard.stack().clickHouse.query("SELECT count() FROM cityvitals.alert_actions WHERE alert_id IN "
                + "('refuse-pudong', 'no-such-alert')", rs -> rs.getLong(1))).containsExactly(0L);
    }

    @Test
    void moreThanTenOpeningsInTenMinutesFloodOnlyTheScopesThatSeeThem() throws Exception {
        String opsToken = login("ops", "ops");
        try (WsProbe ops = WsProbe.open(dashboard.vertx(), dashboard.server().port(), opsToken)) {
            ops.awaitType("snapshot");
            List<AlertEvent> burst = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                burst.add(Signals.opened("rate_of_change", "traffic.tpi", "burst-" + i, "310113", Level.YELLOW, 7));
            }
            dashboard.stack().publishAll(burst);
            JsonObject flood = ops.await(m -> "flood".equals(m.getString("type"))
                    && m.getJsonObject("flood").getBoolean("active"), WAIT).getJsonObject("flood");
            assertThat(flood.getInteger("threshold")).isEqualTo(10);
            assertThat(flood.getJsonArray("groups")).contains(new JsonObject().put("rule", "rate_of_change")
                    .put("indicatorId", "traffic.tpi").put("count", 11).put("districts",
                            new JsonArray().add("310113")));
        }
        assertThat(get("/api/alerts/open", opsToken).bodyAsJsonObject().getJsonObject("flood").getBoolean("active"))
                .isTrue();
        JsonObject huangpu = get("/api/alerts/open", login("huangpu", "huangpu")).bodyAsJsonObject();
        assertThat(huangpu.getJsonObject("flood").getBoolean("active")).isFalse();
        assertThat(huangpu.getJsonObject("flood").encode()).doesNotContain("310113");
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedWhileOthersGetEveryAlert() throws Exception {
        String token = login("ops", "ops");
        try (WsProbe fast = WsProbe.open(dashboard.vertx(), dashboard.server().port(), token);
             WsProbe frozen = WsProbe.withTinyReceiveBuffer(dashboard.vertx(), dashboard.server().port(), token)) {
            fast.awaitType("snapshot");
            frozen.awaitType("snapshot");
            frozen.stopReading();
            // the kernel buffers take a few MB before the server sees a full write queue, then 1000 alerts queue;
            // "resolved" transitions are pushed like any other but leave no open alerts for the other tests
            String padding = "x".repeat(2048);
            int published = 0;
            while (!metrics().contains("cityvitals_dashboard_ws_clients_dropped_total 1.0") && published < 6000) {
                List<AlertEvent> batch = new ArrayList<>();
                for (int i = 0; i < 500; i++, published++) {
                    AlertEvent a = Signals.opened("flood-" + published, "310112", Level.YELLOW, 120);
                    batch.add(new AlertEvent(a.alertId(), a.version(), a.rule(), a.indicatorId(), a.district(),
                            AlertKind.RESOLVED, Level.NORMAL, a.level(), a.value(), a.threshold(), a.since(),
                            a.eventTime(), a.audience(), a.origin(), padding));
                }
                dashboard.stack().publishAll(batch);
                String last = "flood-" + (published - 1);
                fast.await(m -> isAlert(m, last), WAIT);
            }
            assertThat(metrics()).contains("cityvitals_dashboard_ws_clients_dropped_total 1.0");
            // the last alert published may overtake others from another partition: wait for the count
            java.util.function.LongSupplier floodAlerts = () -> fast.received.stream()
                    .filter(m -> "alert".equals(m.getString("type"))
                            && m.getJsonObject("alert").getString("alertId").startsWith("flood-")).count();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (floodAlerts.getAsLong() < published && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(floodAlerts.getAsLong()).isEqualTo(published);

            frozen.resumeReading();
            assertThat(frozen.awaitClose(WAIT)).isEqualTo((short) 1013);
            assertThat(frozen.closeReason()).contains("resume from your last cursor");
        }
    }

    @Test
    void failedLoginsAndMissingTokensAre401() throws Exception {
        assertThat(postLogin("ops", "wrong").statusCode()).isEqualTo(401);
        assertThat(postLogin("nobody", "ops").statusCode()).isEqualTo(401);
        assertThat(postLogin("ops", "wrong").bodyAsJsonObject().getString("error"))
                .isEqualTo("unknown user or wrong password");
        assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/me", "not-a-jwt").statusCode()).isEqualTo(401);

        JsonObject me = get("/api/me", login("pudong", "pudong")).bodyAsJsonObject();
        assertThat(me.getString("username")).isEqualTo("pudong");
        assertThat(me.getJsonArray("districts")).containsExactly("310115");
        assertThat(me.getBoolean("allDistricts")).isFalse();

        try (WsProbe intruder = WsProbe.open(dashboard.vertx(), dashboard.server().port(), "not-a-jwt")) {
            assertThat(intruder.awaitClose(WAIT)).isEqualTo((short) 4401);
            assertThat(intruder.received).isEmpty();
        }
        try (WsProbe inUrl = WsProbe.withTokenInUrl(dashboard.vertx(), dashboard.server().port(), login("ops",
                "ops"))) {
            assertThat(inUrl.awaitClose(WAIT)).isEqualTo((short) 4401);
            assertThat(inUrl.closeReason()).contains("never in the URL");
            assertThat(inUrl.received).isEmpty();
        }
    }

    @Test
    void anOpenSocketIsClosedWhenItsLoginTokenExpires() throws Exception {
        DashboardConfig withSecret = dashboard.stack().config().withJwtSecret("token-expiry-test-secret");
        DashboardServer second = TestStack.startReady(dashboard.vertx(), withSecret);
        try {
            String shortLived = JWTAuth.create(dashboard.vertx(),
                    new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
                    .setAlgorithm("HS256").setBuffer("token-expiry-test-secret")))
                    .generateToken(new JsonObject().put("sub", "ops").put("jti", "short-lived"),
                            new JWTOptions().setExpiresInSeconds(2));
            try (WsProbe ops = WsProbe.open(dashboard.vertx(), second.port(), shortLived)) {
                ops.awaitType("snapshot");
                assertThat(ops.awaitClose(Duration.ofSeconds(10))).isEqualTo((short) 4401);
                assertThat(ops.closeReason()).contains("expired");
            }
        } finally {
            second.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void historyReadsCorrectedRowsFromClickHouse() throws Exception {
        long t0 = Instant.parse("2024-05-01T00:00:00Z").getEpochSecond();
        insertValue("air.pm25", "310105", t0, 50, "blue", 1);
        insertValue("air.pm25", "310105", t0, 61, "blue", 2); // a late-data correction of the same window
        insertValue("air.pm25", "310105", t0 + 60, 70, "normal", 1);
        insertValue("air.pm25", "310105", t0 + 7200, 99, "blue", 1); // outside the asked range

        HttpResponse<Buffer> answer = get("/api/history?indicator=air.pm25&district=310105"
                + "&from=2024-05-01T00:00:00Z&to=2024-05-01T01:00:00Z", login("ops", "ops"));
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        JsonArray rows = answer.bodyAsJsonArray();

        assertThat(rows).hasSize(2);
        JsonObject first = rows.getJsonObject(0);
        assertThat(first.getString("windowStart")).isEqualTo("2024-05-01T00:00:00Z");
        assertThat(first.getDouble("value")).isEqualTo(61.0);
        assertThat(first.getLong("version")).isEqualTo(2L);
        assertThat(rows.getJsonObject(1).getDouble("value")).isEqualTo(70.0);
        assertThat(get("/api/history?indicator=no.such&district=310105", login("ops", "ops")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void restartedServerCatchesUpFromKafkaAndClickHouse() throws Exception {
        dashboard.stack().publish(Signals.value("air.pm25", "310106", 133, Level.YELLOW));
        insertAlert("stored-open", 2, "level_changed", "orange");
        insertAlert("stored-resolved", 1, "opened", "red");
        insertAlert("stored-resolved", 2, "resolved", "normal");
        // known to the running server only through ClickHouse, as after a restart
        assertThat(postAction("stored-open", login("ops", "ops"), new JsonObject().put("action", "assign")
                .put("assignee", "huangpu")).statusCode()).isEqualTo(201);
        assertThat(postAction("stored-open", login("xuhui", "xuhui"), new JsonObject().put("action", "acknowledge"))
                .statusCode()).as("310107 is outside xuhui's scope").isEqualTo(404);

        Vertx other = Vertx.vertx();
        try {
            DashboardServer late = TestStack.startReady(other, dashboard.stack().config());
            String token = loginAt(late.port(), "ops", "ops");
            // the replay runs in the background: wait until the live view has both, then take a snapshot
            awaitBody(late.port(), "/api/latest", token, "310106");
            awaitBody(late.port(), "/api/alerts/open", token, "stored-open");
            try (WsProbe ops = WsProbe.open(other, late.port(), token)) {
                JsonObject snapshot = ops.awaitType("snapshot");
                assertThat(districts(snapshot.getJsonArray("values"))).contains("310106");
                assertThat(snapshot.encode()).doesNotContain("stored-resolved");
                JsonObject stored = snapshot.getJsonArray("alerts").stream().map(JsonObject.class::cast)
                        .filter(a -> a.getString("alertId").equals("stored-open")).findFirst().orElseThrow();
                assertThat(stored.getInteger("version")).isEqualTo(2);
                assertThat(stored.getString("level")).isEqualTo("orange");
                JsonObject handling = snapshot.getJsonArray("handling").stream().map(JsonObject.class::cast)
                        .filter(h -> h.getString("alertId").equals("stored-open")).findFirst().orElseThrow();
                assertThat(handling.getJsonObject("assigned").getString("assignee")).isEqualTo("huangpu");
                assertThat(handling.getJsonObject("assigned").getString("user")).isEqualTo("ops");
            }
            late.close().await();
        } finally {
            other.close().await();
        }
    }

    @Test
    void takenPortFailsFastNamingThePortAndTheFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            long started = System.nanoTime();
            assertThatThrownBy(() -> DashboardServer.start(dashboard.vertx(), dashboard.stack().config().withPort(port))
                    .await(20, TimeUnit.SECONDS))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("--port");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void servesThePagesReferenceDataMetricsAndHealth() throws Exception {
        assertThat(get("/", null).bodyAsString()).contains("城市运行数字体征", "js/main.js");
        assertThat(get("/vendor/echarts/dist/echarts.min.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/vendor/echarts/LICENSE", null).bodyAsString()).contains("Apache License", "Version 2.0");
        String token = login("ops", "ops");
        JsonObject catalogue = get("/api/indicators", token).bodyAsJsonObject();
        assertThat(catalogue.getJsonArray("indicators").stream().map(JsonObject.class::cast)
                .filter(i -> i.getString("id").equals("air.pm25")).findFirst().orElseThrow().getString("unit"))
                .isEqualTo("µg/m³");
        assertThat(catalogue.getJsonArray("levels")).hasSize(5);
        assertThat(get("/api/districts", token).bodyAsJsonObject().getJsonArray("districts")).hasSize(16);
        JsonObject geo = get("/api/geo", token).bodyAsJsonObject();
        assertThat(geo.getString("type")).isEqualTo("FeatureCollection");
        assertThat(geo.getJsonArray("features")).hasSize(16);

        try (WsProbe ops = WsProbe.open(dashboard.vertx(), dashboard.server().port(), token)) {
            ops.awaitType("heartbeat");
            assertThat(get("/metrics", null).bodyAsString()).contains("cityvitals_dashboard_ws_clients",
                    "cityvitals_dashboard_ws_messages_pushed_total", "cityvitals_dashboard_ws_heartbeats_skipped_total",
                    "cityvitals_dashboard_ws_heartbeats_replaced_total", "jvm_memory_used_bytes",
                    "kafka_consumer_fetch_manager_records_lag_max");
        }
        awaitBody(dashboard.server().port(), "/health", null, "\"outcome\":\"UP\"");
        assertThat(get("/health", null).bodyAsString()).contains("\"id\":\"kafka\"", "\"id\":\"clickhouse\"");
        assertThat(get("/ready", null).statusCode()).isEqualTo(200);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static boolean isValue(JsonObject m, String indicator, String district, double value) {
        JsonObject v = m.getJsonObject("value");
        return "indicator".equals(m.getString("type")) && v.getString("indicatorId").equals(indicator)
                && v.getString("district").equals(district) && v.getDouble("value") == value;
    }

    private static boolean isHealth(JsonObject m, String district, double score) {
        return "health".equals(m.getString("type")) && m.getJsonObject("health").getString("district").equals(district)
                && m.getJsonObject("health").getDouble("score") == score;
    }

    private static boolean isAction(JsonObject m, String actionId) {
        return "alertAction".equals(m.getString("type"))
                && m.getJsonObject("action").getString("actionId").equals(actionId);
    }

    private static boolean isAlert(JsonObject m, String alertId) {
        return "alert".equals(m.getString("type")) && m.getJsonObject("alert").getString("alertId").equals(alertId);
    }

    private static List<String> districts(JsonArray signals) {
        return districts(signals, "district");
    }

    private static List<String> districts(JsonArray items, String field) {
        return items.stream().map(JsonObject.class::cast).map(o -> o.getString(field)).distinct().toList();
    }

    private static String login(String user, String password) throws Exception {
        return loginAt(dashboard.server().port(), user, password);
    }

    private static String loginAt(int port, String user, String password) throws Exception {
        HttpResponse<Buffer> response = dashboard.http().post(port, "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", user).put("password", password))
                .await(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject().getString("token");
    }

    private static HttpResponse<Buffer> postLogin(String user, String password) throws Exception {
        return dashboard.http().post(dashboard.server().port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", user).put("password", password))
                .await(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<Buffer> postAction(String alertId, String token, JsonObject body) throws Exception {
        return dashboard.http().post(dashboard.server().port(), "127.0.0.1", "/api/alerts/" + alertId + "/actions")
                .bearerTokenAuthentication(token).sendJsonObject(body).await(10, TimeUnit.SECONDS);
    }

    private static String metrics() throws Exception {
        return get("/metrics", null).bodyAsString();
    }

    private static void awaitBody(int port, String uri, String token, String expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String body = "";
        while (!body.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            body = getAt(port, uri, token).bodyAsString();
        }
        assertThat(body).contains(expected);
    }

    private static HttpResponse<Buffer> get(String uri, String token) throws Exception {
        return getAt(dashboard.server().port(), uri, token);
    }

    private static HttpResponse<Buffer> getAt(int port, String uri, String token) throws Exception {
        var request = dashboard.http().get(port, "127.0.0.1", uri);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.send().await(10, TimeUnit.SECONDS);
    }

    private static void insertValue(String indicator, String district, long windowStart, double value, String level,
                                    long version) throws Exception {
        dashboard.stack().clickHouse.execute("INSERT INTO cityvitals.indicator_values (indicator_id, district, window_start, window_end,"
                + " value, samples, level, version) VALUES ('" + indicator + "', '" + district
                + "', toDateTime(" + windowStart + "), toDateTime(" + (windowStart + 60) + "), " + value + ", 12, '"
                + level + "', " + version + ")");
    }

    private static void insertAlert(String alertId, int version, String kind, String level) throws Exception {
        dashboard.stack().clickHouse.execute("INSERT INTO cityvitals.alert_events (alert_id, version, rule, indicator_id, district, kind,"
                + " level, previous_level, value, threshold, event_time, message) VALUES ('" + alertId + "', " + version
                + ", 'level', 'air.pm25', '310107', '" + kind + "', '" + level + "', 'normal', 170, 150, "
                + "toDateTime(" + Instant.now().getEpochSecond() + "), 'stored in ClickHouse')");
    }
}
