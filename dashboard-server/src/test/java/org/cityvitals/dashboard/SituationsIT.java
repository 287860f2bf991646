package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.cityvitals.dashboard.situation.SituationSettings;
import org.cityvitals.dashboard.situation.WebhookNotifier;
import org.cityvitals.dashboard.situation.WebhookSignature;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.Origin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Situations on the real stack (broker, ClickHouse, two dashboard instances, WebSocket clients, a webhook receiver):
 * a rainstorm in one district is one situation with its member alerts; an outage suppresses the water-pressure
 * alert it explains and keeps it out of the flood; an unacknowledged red situation escalates at the policy's times
 * on a test clock, reaches the district's and the centre's screens and the webhook (signed, retried) once although
 * both instances find it due, and is acknowledged and resolved once; planned work on a sensor silences exactly the
 * alerts it explains, on both instances. Each test looks only at its own hazard in its district: other tests leave
 * alerts in the shared broker and ClickHouse.
 */
class SituationsIT {

    private static final String SECRET = "situations-it";
    private static final byte[] WEBHOOK_SECRET = "webhook-shared-secret".getBytes(StandardCharsets.UTF_8);
    private static final String PUTUO = "310107";
    private static final String YANGPU = "310110";
    private static final String SONGJIANG = "310117";
    private static final String QINGPU = "310118";
    private static final String MINHANG = "310112";
    private static final String PUDONG = "310115";
    private static final String PASSWORD = "situations";

    @TempDir
    static Path dir;
    private static Vertx vertxA;
    private static Vertx vertxB;
    private static Vertx clients;
    private static DashboardServer a;
    private static DashboardServer b;
    private static TestClock clock;
    private static WebClient http;
    private static HttpServer receiver;
    /** Every webhook request: delivery id, attempt, whether the signature matched, the payload. */
    private static final List<JsonObject> hooks = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> attemptsSeen = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        TestStack stack = TestStack.get();
        PlatformUsers.create(List.of(
                user("centre", "operator", "*", "city_centre"),
                user("songjiang", "dispatcher", SONGJIANG, "district_chief"),
                user("putuo", "dispatcher", PUTUO, "district_chief"),
                user("yangpu", "dispatcher", YANGPU, "district_chief"),
                user("qingpu", "dispatcher", QINGPU, "district_chief")));
        Path roster = dir.resolve("duty.yaml");
        Files.writeString(roster, """
                rosters:
                  - duty: district_chief
                    area: "310117"
                    shifts:
                      - {user: songjiang, from: "00:00", to: "00:00"}
                  - duty: city_centre
                    area: "310000"
                    shifts:
                      - {user: centre, from: "00:00", to: "00:00"}
                """);
        clients = Vertx.vertx();
        receiver = clients.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String delivery = request.getHeader(WebhookNotifier.DELIVERY_HEADER);
            int attempt = attemptsSeen.merge(delivery, 1, Integer::sum);
            hooks.add(new JsonObject().put("delivery", delivery).put("attempt", attempt)
                    .put("signed", WebhookSignature.verify(WEBHOOK_SECRET, body.getBytes(),
                            request.getHeader(WebhookSignature.HEADER)))
                    .put("payload", body.toJsonObject()));
            // the first attempt of every notification fails, so every notification shows a retry
            request.response().setStatusCode(attempt == 1 ? 503 : 200).end();
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        SituationSettings settings = SituationSettings.defaults().withRoster(roster).withClock(clock)
                .withWebhook(new WebhookNotifier.Settings("http://127.0.0.1:" + receiver.actualPort() + "/hook",
                        WEBHOOK_SECRET, 3, Duration.ofMillis(300), Duration.ofSeconds(5), Clearance.INTERNAL));
        DashboardConfig config = stack.config().withJwtSecret(SECRET);
        vertxA = Vertx.vertx();
        vertxB = Vertx.vertx();
        a = startReady(vertxA, config, settings);
        b = startReady(vertxB, config, settings);
        http = WebClient.create(clients);
    }

    private static DashboardServer startReady(Vertx vertx, DashboardConfig config, SituationSettings settings)
            throws Exception {
        DashboardServer server = DashboardServer.start(vertx, config, settings).await(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.ready() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.ready()).as("caught up with Kafka").isTrue();
        return server;
    }

    @AfterAll
    static void stop() throws Exception {
        a.close().await();
        b.close().await();
        clients.close().await();
        vertxA.close().await();
        vertxB.close().await();
    }

    private static JsonObject user(String name, String role, String district, String duty) {
        return PlatformUsers.user(name, PASSWORD, role, "shanghai", district).put("duty", new JsonArray().add(duty));
    }

    @Test
    void aRainstormInOneDistrictIsOneSituationWithItsMemberAlerts() throws Exception {
        String token = login("putuo");
        Instant t0 = clock.instant();
        List<AlertEvent> rainstorm = List.of(
                alert("rain-" + t0, "weather.rain_3h", PUTUO, Level.ORANGE, t0),
                alert("ponding-" + t0, "flood.ponding_depth", PUTUO, Level.YELLOW, t0.plusSeconds(60)),
                alert("river-" + t0, "flood.river_level", PUTUO, Level.BLUE, t0.plusSeconds(120)),
                alert("drains-" + t0, "infra.fault_backlog", PUTUO, Level.BLUE, t0.plusSeconds(180)));
        try (WsProbe screen = WsProbe.open(clients, a.port(), token)) {
            screen.awaitType("snapshot");
            TestStack.get().publishAll(rainstorm);
            String id = "sit-310107-rainstorm-" + t0.getEpochSecond();
            screen.await(m -> "situation".equals(m.getString("type"))
                    && m.getJsonObject("situation").getJsonArray("alertIds").size() == 4, Duration.ofSeconds(15));

            // instance B derives on its own period: wait until it has all four too. Other tests leave alerts of
            // other hazards in this district; the rainstorm is one situation of them
            awaitSituation(b.port(), token, s -> s.getString("hazard").equals("rainstorm")
                    && s.getJsonArray("alertIds").size() == 4);
            List<JsonObject> open = get(b.port(), token, "/api/situations?state=open").getJsonArray("situations")
                    .stream().map(JsonObject.class::cast).filter(s -> s.getString("hazard").equals("rainstorm"))
                    .toList();
            assertThat(open).hasSize(1);
            JsonObject situation = open.get(0);
            assertThat(situation.getString("id")).isEqualTo(id);
            assertThat(situation.getString("district")).isEqualTo(PUTUO);
            assertThat(situation.getString("level")).isEqualTo("orange"); // the rain alert's, the worst
            assertThat(situation.getJsonObject("title").getString("zh")).isEqualTo("普陀区 暴雨内涝");
            assertThat(situation.getJsonObject("title").getString("en")).isEqualTo("Rainstorm flooding in Putuo");
            assertThat(situation.getJsonArray("alertIds").getList())
                    .containsExactlyElementsOf(rainstorm.stream().map(AlertEvent::alertId).toList());
            // another district's dispatcher sees nothing of it, and its id is answered like an unknown one
            String other = login("songjiang");
            assertThat(get(a.port(), other, "/api/situations?state=all").getJsonArray("situations")
                    .stream().map(s -> ((JsonObject) s).getString("district"))).doesNotContain(PUTUO);
            assertThat(http.get(a.port(), "127.0.0.1", "/api/situations/" + id).bearerTokenAuthentication(other)
                    .send().await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anOutageSuppressesTheWaterPressureAlertItExplainsAndKeepsItOutOfTheFlood() throws Exception {
        String token = login("yangpu");
        Instant t0 = clock.instant();
        AlertEvent outage = alert("outage-" + t0, "power.outage_customers", YANGPU, Level.ORANGE, t0);
        AlertEvent pressure = alert("pressure-" + t0, "water.pressure_min", YANGPU, Level.RED, t0.plusSeconds(30));
        TestStack.get().publishAll(List.of(outage, pressure));
        JsonObject situation = awaitSituation(a.port(), token, s -> s.getString("hazard").equals("outage")
                && s.getJsonArray("alertIds").size() == 2);
        assertThat(situation.getJsonArray("suppressedAlertIds").getList()).containsExactly(pressure.alertId());
        assertThat(situation.getString("level")).isEqualTo("orange"); // the suppressed red does not count
        assertThat(get(a.port(), token, "/api/situations").getJsonArray("situations").stream()
                .map(JsonObject.class::cast).filter(s -> s.getJsonArray("alertIds").contains(pressure.alertId())))
                .as("the pressure alert is in the outage's situation only").hasSize(1);
        // both alerts are open and shown, but only the outage counts as an opened alarm in the flood
        JsonObject open = get(a.port(), token, "/api/alerts/open");
        assertThat(open.getJsonArray("alerts").stream().map(x -> ((JsonObject) x).getString("alertId")))
                .contains(outage.alertId(), pressure.alertId());
        assertThat(open.getJsonObject("flood").getInteger("opened")).isEqualTo(1);
    }

    @Test
    void anUnacknowledgedRedSituationEscalatesOnTimeToTheRightScreensAndTheWebhookOnce() throws Exception {
        String songjiang = login("songjiang");
        String centre = login("centre");
        String putuo = login("putuo");
        Instant t0 = clock.instant();
        AlertEvent ponding = alert("esc-ponding-" + t0, "flood.ponding_depth", SONGJIANG, Level.RED, t0);
        String id = "sit-310117-rainstorm-" + t0.getEpochSecond();
        try (WsProbe district = WsProbe.open(clients, b.port(), songjiang);
             WsProbe centreScreen = WsProbe.open(clients, a.port(), centre);
             WsProbe elsewhere = WsProbe.open(clients, a.port(), putuo)) {
            district.awaitType("snapshot");
            centreScreen.awaitType("snapshot");
            elsewhere.awaitType("snapshot");
            TestStack.get().publish(ponding);
            awaitSituation(a.port(), songjiang, s -> s.getString("id").equals(id));
            awaitSituation(b.port(), songjiang, s -> s.getString("id").equals(id));

            clock.set(t0.plus(Duration.ofMinutes(5)).minusSeconds(1));
            Thread.sleep(1500); // several ticks of both instances: nothing is due yet
            assertThat(hooks).noneMatch(h -> h.getString("delivery").startsWith("esc-" + id));

            clock.set(t0.plus(Duration.ofMinutes(5)));
            JsonObject step1 = district.await(m -> isEscalation(m, "esc-" + id + "-1"), Duration.ofSeconds(10));
            assertThat(step1.getJsonObject("action").getString("assignee")).isEqualTo("songjiang");
            centreScreen.await(m -> isEscalation(m, "esc-" + id + "-1"), Duration.ofSeconds(10));
            awaitDelivered("esc-" + id + "-1");

            clock.set(t0.plus(Duration.ofMinutes(15)));
            JsonObject step2 = centreScreen.await(m -> isEscalation(m, "esc-" + id + "-2"), Duration.ofSeconds(10));
            assertThat(step2.getJsonObject("action").getString("assignee")).isEqualTo("centre");
            awaitDelivered("esc-" + id + "-2");
            Thread.sleep(1500); // time for a second instance's copy to go out, if it wrongly did

            // each notification: one failed attempt and one delivered retry, both signed, from one instance only
            for (String delivery : List.of("esc-" + id + "-1", "esc-" + id + "-2")) {
                List<JsonObject> attempts = hooks.stream().filter(h -> h.getString("delivery").equals(delivery))
                        .toList();
                assertThat(attempts).extracting(h -> h.getInteger("attempt")).containsExactly(1, 2);
                assertThat(attempts).allMatch(h -> h.getBoolean("signed"));
                assertThat(attempts.get(1).getJsonObject("payload").getJsonObject("situation").getString("id"))
                        .isEqualTo(id);
            }
            assertThat(elsewhere.received).noneMatch(m -> isEscalation(m, "esc-" + id + "-1"));
            JsonArray log = get(a.port(), centre, "/api/situations/" + id).getJsonArray("deliveries");
            assertThat(log.stream().map(d -> ((JsonObject) d).getString("outcome") + "/"
                    + ((JsonObject) d).getInteger("httpStatus")))
                    .containsExactly("failed/503", "delivered/200", "failed/503", "delivered/200");

            // acknowledge once, dispatching a work order; resolve once with a cause from the catalogue's list
            Instant due = t0.plus(Duration.ofHours(2));
            HttpResponse<Buffer> ack = act(songjiang, id, new JsonObject().put("action", "acknowledge")
                    .put("workOrder", new JsonObject().put("assignee", "drainage crew 3").put("due", due.toString())));
            assertThat(ack.statusCode()).as(ack.bodyAsString()).isEqualTo(201);
            Instant acknowledgedAt = Instant.parse(ack.bodyAsJsonObject().getString("actedAt"));
            String orderId = ack.bodyAsJsonObject().getJsonObject("workOrder").getString("orderId");
            JsonObject dispatched = awaitSituation(a.port(), centre, s -> s.getString("id").equals(id)
                    && s.getValue("dispatched") != null).getJsonObject("dispatched");
            assertThat(dispatched.getString("assignee")).isEqualTo("drainage crew 3");
            JsonObject order = get(a.port(), centre, "/api/situations/" + id).getJsonArray("workOrders")
                    .getJsonObject(0);
            assertThat(order.getString("orderId")).isEqualTo(orderId);
            assertThat(order.getString("assignee")).isEqualTo("drainage crew 3");
            assertThat(order.getString("status")).isEqualTo("open");
            assertThat(Instant.parse(order.getString("dueAt"))).isEqualTo(due);
            HttpResponse<Buffer> done = http.post(a.port(), "127.0.0.1", "/api/work-orders/" + orderId)
                    .bearerTokenAuthentication(songjiang).sendJsonObject(new JsonObject().put("status", "done"))
                    .await(10, TimeUnit.SECONDS);
            assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
            assertThat(get(a.port(), centre, "/api/situations/" + id).getJsonArray("workOrders").getJsonObject(0)
                    .getString("status")).isEqualTo("done");
            assertThat(http.post(a.port(), "127.0.0.1", "/api/work-orders/" + orderId)
                    .bearerTokenAuthentication(login("putuo")).sendJsonObject(new JsonObject().put("status", "done"))
                    .await(10, TimeUnit.SECONDS).statusCode()).as("outside Putuo's scope").isEqualTo(404);
            awaitSituation(b.port(), songjiang, s -> s.getString("id").equals(id) && s.getValue("acknowledged") != null);
            HttpResponse<Buffer> again = act(centre, id, new JsonObject().put("action", "acknowledge"));
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.bodyAsJsonObject().getString("error")).contains("already acknowledged by songjiang");
            HttpResponse<Buffer> noCause = act(songjiang, id, new JsonObject().put("action", "resolve")
                    .put("note", "pumped out"));
            assertThat(noCause.statusCode()).isEqualTo(400);
            assertThat(noCause.bodyAsJsonObject().getString("error")).startsWith("resolve needs a cause: one of weather");
            assertThat(act(songjiang, id, new JsonObject().put("action", "resolve").put("cause", "gremlins")
                    .put("note", "pumped out")).statusCode()).as("a cause outside the catalogue's list").isEqualTo(400);
            assertThat(get(a.port(), songjiang, "/api/situation-causes").getJsonArray("causes").stream()
                    .map(c -> ((JsonObject) c).getString("id"))).contains("weather", "equipment_failure");
            HttpResponse<Buffer> resolve = act(songjiang, id, new JsonObject().put("action", "resolve")
                    .put("cause", "weather").put("note", "pumped out"));
            assertThat(resolve.statusCode()).isEqualTo(201);
            Instant resolvedAt = Instant.parse(resolve.bodyAsJsonObject().getString("actedAt"));
            JsonObject resolved = awaitSituation(a.port(), centre, s -> s.getString("id").equals(id)
                    && s.getString("state").equals("resolved"), "all");
            assertThat(resolved.getJsonObject("resolved").getString("cause")).isEqualTo("weather");
            assertThat(resolved.getJsonObject("resolved").getString("note")).isEqualTo("pumped out");
            assertThat(get(a.port(), songjiang, "/api/situations?state=open").getJsonArray("situations")
                    .stream().map(s -> ((JsonObject) s).getString("id"))).doesNotContain(id);

            // the operations centre's own indicators: minutes from the opening (t0) to the person's actions,
            // worked out here from the times the actions were recorded (ClickHouse keeps whole seconds)
            JsonObject times = awaitResponseTimes(songjiang, t0);
            assertThat(times.getLong("situations")).isEqualTo(1);
            assertThat(times.getLong("acknowledged")).isEqualTo(1);
            assertThat(times.getLong("resolved")).isEqualTo(1);
            assertThat(times.getDouble("meanMinutesToAcknowledge")).isCloseTo(
                    (acknowledgedAt.getEpochSecond() - t0.getEpochSecond()) / 60.0, within(1e-9));
            // the work order went out with the acknowledgement: dispatched at the same instant
            assertThat(times.getLong("dispatched")).isEqualTo(1);
            assertThat(times.getDouble("meanMinutesToDispatch")).isCloseTo(
                    (acknowledgedAt.getEpochSecond() - t0.getEpochSecond()) / 60.0, within(1e-9));
            assertThat(times.getDouble("meanMinutesToResolve")).isCloseTo(
                    (resolvedAt.getEpochSecond() - t0.getEpochSecond()) / 60.0, within(1e-9));
            // levels by the catalogue's response-time thresholds (acknowledge 2/5/15/30 min, dispatch 10/15/30/60,
            // resolve 60/120/240/480), worked out here from the same minutes
            double ackMinutes = (acknowledgedAt.getEpochSecond() - t0.getEpochSecond()) / 60.0;
            double resolveMinutes = (resolvedAt.getEpochSecond() - t0.getEpochSecond()) / 60.0;
            JsonObject levels = times.getJsonObject("levels");
            assertThat(levels.getString("acknowledge")).isEqualTo(byHand(ackMinutes, 2, 5, 15, 30));
            assertThat(levels.getString("dispatch")).isEqualTo(byHand(ackMinutes, 10, 15, 30, 60));
            assertThat(levels.getString("resolve")).isEqualTo(byHand(resolveMinutes, 60, 120, 240, 480));
        }
    }

    @Test
    void plannedWorkOnASensorSilencesExactlyTheAlertsItExplainsOnEveryInstance() throws Exception {
        String centre = login("centre");
        String qingpu = login("qingpu");
        // real time, not the escalation clock: the flood counts the last 10 minutes before now
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minusSeconds(60);
        Instant to = now.plus(Duration.ofHours(1));
        try (WsProbe screen = WsProbe.open(clients, a.port(), qingpu)) {
            screen.awaitType("snapshot");
            // Qingpu's one water-pressure sensor (sensors/shanghai.csv); the operator names no area: the sensor's own
            HttpResponse<Buffer> declared = http.post(a.port(), "127.0.0.1", "/api/maintenance")
                    .bearerTokenAuthentication(centre).sendJsonObject(new JsonObject().put("kind", "sensor")
                            .put("target", "sh-310118-water-pressure-01").put("from", from.toString())
                            .put("to", to.toString()).put("reason", "valve replacement"))
                    .await(10, TimeUnit.SECONDS);
            assertThat(declared.statusCode()).as(declared.bodyAsString()).isEqualTo(201);
            String windowId = declared.bodyAsJsonObject().getString("windowId");
            assertThat(declared.bodyAsJsonObject().getString("area")).isEqualTo(QINGPU);
            JsonObject announced = screen.await(m -> "maintenance".equals(m.getString("type")), Duration.ofSeconds(10));
            assertThat(announced.getJsonObject("window").getString("windowId")).isEqualTo(windowId);
            // a dispatcher may not declare planned work: it silences alarms for hours
            assertThat(http.post(a.port(), "127.0.0.1", "/api/maintenance").bearerTokenAuthentication(qingpu)
                    .sendJsonObject(new JsonObject().put("kind", "network").put("target", "water").put("area", QINGPU)
                            .put("to", to.toString()).put("reason", "mains flushing"))
                    .await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(403);

            AlertEvent before = alert("mw-early-pressure-" + now, "water.pressure_min", QINGPU, Level.ORANGE,
                    from.minusSeconds(120));
            AlertEvent explained = alert("mw-pressure-" + now, "water.pressure_min", QINGPU, Level.ORANGE, now);
            AlertEvent otherMetric = alert("mw-pm25-" + now, "air.pm25", QINGPU, Level.YELLOW, now);
            TestStack.get().publishAll(List.of(before, explained, otherMetric));

            for (DashboardServer instance : List.of(a, b)) {   // B knows the window only from ClickHouse
                JsonObject pressure = awaitSituation(instance.port(), qingpu, s -> s.getJsonArray("alertIds")
                        .contains(explained.alertId()) && s.getJsonArray("members").stream()
                        .map(JsonObject.class::cast).anyMatch(m -> windowId.equals(m.getString("maintenance"))));
                Map<String, Object> marks = new java.util.HashMap<>();
                pressure.getJsonArray("members").stream().map(JsonObject.class::cast)
                        .forEach(m -> marks.put(m.getString("alertId"), m.getValue("maintenance")));
                assertThat(marks).containsEntry(explained.alertId(), windowId);
                // begun before the work started: a real alarm
                assertThat(marks).containsKey(before.alertId()).containsEntry(before.alertId(), null);
                JsonObject pm25 = awaitSituation(instance.port(), qingpu, s -> s.getJsonArray("alertIds")
                        .contains(otherMetric.alertId()));
                assertThat(pm25.getJsonArray("members").getJsonObject(0).getValue("maintenance")).isNull();
            }
            // the explained alert is shown, in maintenance, and not counted in the dispatcher's flood
            JsonObject open = get(a.port(), qingpu, "/api/alerts/open");
            assertThat(open.getJsonArray("alerts").stream().map(x -> ((JsonObject) x).getString("alertId")))
                    .contains(explained.alertId(), before.alertId(), otherMetric.alertId());
            assertThat(open.getJsonObject("flood").getInteger("opened")).isEqualTo(2);
            assertThat(get(b.port(), qingpu, "/api/maintenance?state=all").getJsonArray("windows").stream()
                    .map(w -> ((JsonObject) w).getString("windowId"))).contains(windowId);

            // ended early: a new version, no longer in force
            HttpResponse<Buffer> ended = http.post(a.port(), "127.0.0.1", "/api/maintenance/" + windowId + "/end")
                    .bearerTokenAuthentication(centre).send().await(10, TimeUnit.SECONDS);
            assertThat(ended.statusCode()).as(ended.bodyAsString()).isEqualTo(200);
            assertThat(ended.bodyAsJsonObject().getInteger("version")).isEqualTo(2);
            assertThat(get(a.port(), qingpu, "/api/maintenance").getJsonArray("windows").stream()
                    .map(w -> ((JsonObject) w).getString("windowId"))).doesNotContain(windowId);
        }
    }

    @Test
    void aDailyReportGivesTheDaysSituationsResponseTimesAndWorstIndicatorsAsJsonAndAsAFile() throws Exception {
        String centre = login("centre");
        // 7 March 2025 in Shanghai (UTC+8) runs from 6 March 16:00 to 7 March 16:00 UTC; no other test uses it
        Instant ten = Instant.parse("2025-03-07T02:00:00Z");
        List<AlertEvent> stored = List.of(
                alert("rep-pm25-a", "air.pm25", MINHANG, Level.RED, ten),
                alert("rep-pm25-b", "air.pm25", MINHANG, Level.YELLOW, ten.plusSeconds(600)),
                new AlertEvent("rep-pm25-b", 2, "level", "air.pm25", MINHANG, AlertKind.LEVEL_CHANGED, Level.ORANGE,
                        Level.YELLOW, 1, 1, ten.plusSeconds(600), ten.plusSeconds(1200), AlertAudience.OPERATIONS,
                        Origin.LIVE, "raised"),
                alert("rep-tpi", "traffic.tpi", MINHANG, Level.ORANGE, ten.plusSeconds(1800)),
                new AlertEvent("rep-tpi", 2, "level", "traffic.tpi", MINHANG, AlertKind.RESOLVED, Level.NORMAL,
                        Level.ORANGE, 1, 1, ten.plusSeconds(1800), ten.plusSeconds(3600), AlertAudience.OPERATIONS,
                        Origin.LIVE, "resolved"),
                // not counted: a backfill's history, the day before (23:00 local), another district
                new AlertEvent("rep-backfill", 1, "level", "gas.leak_lel", MINHANG, AlertKind.OPENED, Level.RED,
                        Level.NORMAL, 1, 1, ten, ten, AlertAudience.OPERATIONS, Origin.BACKFILL, "history"),
                alert("rep-day-before", "gas.leak_lel", MINHANG, Level.RED, Instant.parse("2025-03-06T15:00:00Z")),
                alert("rep-pudong", "air.pm25", PUDONG, Level.RED, ten));
        TestStack.get().insertAlerts(stored);
        // all over by the evening, so no later dashboard takes them for open alarms (resolutions count nowhere)
        TestStack.get().insertAlerts(stored.stream().filter(e -> e.version() == 1 && !e.alertId().equals("rep-tpi"))
                .map(e -> new AlertEvent(e.alertId(), e.alertId().equals("rep-pm25-b") ? 3 : 2, e.rule(),
                        e.indicatorId(), e.district(), AlertKind.RESOLVED, Level.NORMAL, e.level(), 1, 1, e.since(),
                        e.since().plus(Duration.ofHours(2)), e.audience(), e.origin(), "resolved")).toList());
        // the day's rainstorm, live: one situation of two alerts (yellow: no policy escalates it)
        AlertEvent rain = alert("rep-rain", "weather.rain_3h", MINHANG, Level.YELLOW, ten);
        AlertEvent ponding = alert("rep-ponding", "flood.ponding_depth", MINHANG, Level.YELLOW, ten.plusSeconds(300));
        TestStack.get().publishAll(List.of(rain, ponding));
        String id = "sit-310112-rainstorm-" + ten.getEpochSecond();
        awaitSituation(a.port(), centre, s -> s.getString("id").equals(id) && s.getJsonArray("alertIds").size() == 2);
        HttpResponse<Buffer> ack = act(centre, id, new JsonObject().put("action", "acknowledge"));
        assertThat(ack.statusCode()).isEqualTo(201);
        double ackMinutes = (Instant.parse(ack.bodyAsJsonObject().getString("actedAt")).getEpochSecond()
                - ten.getEpochSecond()) / 60.0;
        awaitSituation(a.port(), centre, s -> s.getString("id").equals(id) && s.getValue("acknowledged") != null);

        String uri = "/api/reports/daily?area=" + MINHANG + "&day=2025-03-07";
        JsonObject report = awaitReport(centre, uri);
        assertThat(report.getString("from")).isEqualTo("2025-03-06T16:00:00Z");
        assertThat(report.getString("to")).isEqualTo("2025-03-07T16:00:00Z");
        assertThat(report.getJsonArray("situations").stream().map(s -> ((JsonObject) s).getString("id")))
                .containsExactly(id);
        assertThat(report.getJsonArray("worstIndicators").stream().map(w -> ((JsonObject) w).getMap())).containsExactly(
                Map.of("indicatorId", "air.pm25", "worstLevel", "red", "episodes", 2),
                Map.of("indicatorId", "traffic.tpi", "worstLevel", "orange", "episodes", 1));
        JsonObject times = report.getJsonArray("responseTimes").getJsonObject(0);
        assertThat(times.getString("hazard")).isEqualTo("rainstorm");
        assertThat(times.getDouble("meanMinutesToAcknowledge")).isCloseTo(ackMinutes, within(1e-9));
        // acknowledged more than 30 minutes (red's threshold) after that morning's opening
        assertThat(times.getJsonObject("levels").getString("acknowledge")).isEqualTo("red");
        // the city's report counts Pudong's episode too
        JsonObject city = get(a.port(), centre, "/api/reports/daily?area=310000&day=2025-03-07");
        assertThat(city.getJsonArray("worstIndicators").getJsonObject(0).getMap())
                .isEqualTo(Map.of("indicatorId", "air.pm25", "worstLevel", "red", "episodes", 3));

        HttpResponse<Buffer> file = http.get(a.port(), "127.0.0.1", uri + "&format=markdown")
                .bearerTokenAuthentication(centre).send().await(10, TimeUnit.SECONDS);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.getHeader("content-type")).isEqualTo("text/markdown; charset=utf-8");
        assertThat(file.getHeader("content-disposition"))
                .isEqualTo("attachment; filename=\"cityvitals-daily-310112-2025-03-07.md\"");
        assertThat(file.bodyAsString()).startsWith("# 日报 Daily report · 闵行区 Minhang · 2025-03-07\n")
                .contains("| Rainstorm flooding in Minhang | yellow | open | centre | — |\n")
                .contains("| PM2.5 concentration | red | 2 |\n| Traffic performance index | orange | 1 |\n");
        // a dispatcher of another district may not read Minhang's report
        assertThat(http.get(a.port(), "127.0.0.1", uri).bearerTokenAuthentication(login("putuo")).send()
                .await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(403);
    }

    /** The report once the acknowledgement's response row is in ClickHouse. */
    private static JsonObject awaitReport(String token, String uri) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonObject report = new JsonObject();
        while (System.nanoTime() < deadline) {
            report = get(a.port(), token, uri);
            if (!report.getJsonArray("responseTimes").isEmpty()) {
                return report;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no response times in the report within 15 s: " + report.encode());
    }

    /** The level of {@code minutes} given the minutes where blue, yellow, orange and red begin. */
    private static String byHand(double minutes, double blue, double yellow, double orange, double red) {
        return minutes >= red ? "red" : minutes >= orange ? "orange" : minutes >= yellow ? "yellow"
                : minutes >= blue ? "blue" : "normal";
    }

    /** The response-time row of Songjiang's rainstorm, once a dashboard has written it. */
    private static JsonObject awaitResponseTimes(String token, Instant t0) throws Exception {
        String uri = "/api/situation-response-times?from=" + t0.minusSeconds(60) + "&to=" + t0.plusSeconds(60);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonArray rows = new JsonArray();
        while (System.nanoTime() < deadline) {
            rows = get(a.port(), token, uri).getJsonArray("rows");
            for (Object r : rows) {
                JsonObject row = (JsonObject) r;
                if (row.getString("district").equals(SONGJIANG) && row.getString("hazard").equals("rainstorm")
                        && row.getLong("resolved") == 1) {
                    return row;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no response times for Songjiang's rainstorm within 15 s: " + rows.encode());
    }

    private static boolean isEscalation(JsonObject m, String actionId) {
        return "alertAction".equals(m.getString("type"))
                && m.getJsonObject("action").getString("actionId").equals(actionId);
    }

    private static void awaitDelivered(String delivery) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && hooks.stream().noneMatch(h -> h.getString("delivery")
                .equals(delivery) && h.getInteger("attempt") == 2)) {
            Thread.sleep(50);
        }
        assertThat(hooks).as("webhook requests").anyMatch(h -> h.getString("delivery").equals(delivery)
                && h.getInteger("attempt") == 2);
    }

    private static JsonObject awaitSituation(int port, String token, java.util.function.Predicate<JsonObject> matching)
            throws Exception {
        return awaitSituation(port, token, matching, "open");
    }

    private static JsonObject awaitSituation(int port, String token, java.util.function.Predicate<JsonObject> matching,
                                             String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonArray last = new JsonArray();
        while (System.nanoTime() < deadline) {
            last = get(port, token, "/api/situations?state=" + state).getJsonArray("situations");
            for (Object s : last) {
                if (matching.test((JsonObject) s)) {
                    return (JsonObject) s;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching situation within 15 s; last answer " + last.encodePrettily());
    }

    private static HttpResponse<Buffer> act(String token, String id, JsonObject body) throws Exception {
        return http.post(a.port(), "127.0.0.1", "/api/situations/" + id + "/actions").bearerTokenAuthentication(token)
                .sendJsonObject(body).await(10, TimeUnit.SECONDS);
    }

    private static JsonObject get(int port, String token, String uri) throws Exception {
        HttpResponse<Buffer> answer = http.get(port, "127.0.0.1", uri).bearerTokenAuthentication(token).send()
                .await(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(uri + ": " + answer.bodyAsString()).isEqualTo(200);
        return answer.bodyAsJsonObject();
    }

    private static String login(String username) throws Exception {
        return http.post(a.port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", username).put("password", PASSWORD))
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
    }

    private static AlertEvent alert(String id, String indicator, String district, Level level, Instant since) {
        return new AlertEvent(id, 1, "level", indicator, district, AlertKind.OPENED, level, Level.NORMAL, 1, 1,
                since, since, AlertAudience.OPERATIONS, Origin.LIVE, indicator + " opened");
    }
}
