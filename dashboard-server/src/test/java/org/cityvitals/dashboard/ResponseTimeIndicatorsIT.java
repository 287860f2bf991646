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
import org.cityvitals.store.query.ResponseTimes;
import org.cityvitals.store.situation.SituationResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations centre's response-time indicators on the real stack (broker, ClickHouse, a dashboard on a test
 * clock): dispatchers acknowledge, dispatch and resolve three situations at known times of one hour, and once the
 * hour has closed the values and levels in ClickHouse {@code indicator_values} are the ones worked out here by hand
 * from those times and the catalogue's thresholds (acknowledge: blue 2, yellow 5, orange 15, red 30 min; dispatch
 * 10/15/30/60; resolve 60/120/240/480). Two Beijing districts no other test uses, and an hour in 2024, which no
 * other test acts in, so the city-wide value holds only these situations.
 */
class ResponseTimeIndicatorsIT {

    private static final String SECRET = "response-times-it";
    private static final String PASSWORD = "response-times";
    private static final String XICHENG = "110102";
    private static final String CHAOYANG = "110105";
    private static final String BEIJING = "110000";
    private static final Instant H = Instant.parse("2024-11-20T02:00:00Z");

    private static Vertx vertx;
    private static Vertx clients;
    private static DashboardServer server;
    private static TestClock clock;
    private static WebClient http;

    @BeforeAll
    static void start() throws Exception {
        TestStack.get(); // the broker and ClickHouse, with the platform's database
        PlatformUsers.create(List.of(
                PlatformUsers.user("rt-xicheng", PASSWORD, "dispatcher", "beijing", XICHENG),
                PlatformUsers.user("rt-chaoyang", PASSWORD, "dispatcher", "beijing", CHAOYANG)));
        clock = new TestClock(H);
        vertx = Vertx.vertx();
        clients = Vertx.vertx();
        server = startDashboard();
        http = WebClient.create(clients);
    }

    private static DashboardServer startDashboard() throws Exception {
        DashboardServer started = DashboardServer.start(vertx, TestStack.get().config().withJwtSecret(SECRET),
                SituationSettings.defaults().withClock(clock)).await(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!started.ready() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(started.ready()).as("caught up with Kafka").isTrue();
        return started;
    }

    @AfterAll
    static void stop() throws Exception {
        server.close().await();
        clients.close().await();
        vertx.close().await();
    }

    @Test
    void acknowledgingDispatchingAndResolvingBecomeHourlyIndicatorsWithLevelsInClickHouse() throws Exception {
        String xicheng = login("rt-xicheng");
        String chaoyang = login("rt-chaoyang");
        // yellow: no escalation policy acts on them, on this instance or any other
        List<AlertEvent> alerts = List.of(
                alert("rt-rain", "weather.rain_3h", XICHENG, H),
                alert("rt-pm25", "air.pm25", XICHENG, at(10)),
                alert("rt-tpi", "traffic.tpi", CHAOYANG, at(5)));
        TestStack.get().publishAll(alerts);
        String rainstorm = awaitSituation(xicheng, s -> s.getJsonArray("alertIds").contains("rt-rain")).getString("id");
        String pollution = awaitSituation(xicheng, s -> s.getJsonArray("alertIds").contains("rt-pm25")).getString("id");
        String congestion = awaitSituation(chaoyang, s -> s.getJsonArray("alertIds").contains("rt-tpi"))
                .getString("id");

        clock.set(at(7));       // the rainstorm: acknowledged with a work order 7 minutes after it opened
        acknowledge(xicheng, rainstorm, true);
        clock.set(at(13));      // the pollution episode: acknowledged 3 minutes after, no work order
        acknowledge(xicheng, pollution, false);
        clock.set(at(25));      // the congestion: acknowledged with a work order 20 minutes after
        acknowledge(chaoyang, congestion, true);
        clock.set(at(40));      // the rainstorm resolved 40 minutes after it opened
        resolve(xicheng, rainstorm);
        awaitResponses(xicheng, 2, 1, 1);
        awaitResponses(chaoyang, 1, 1, 0);

        clock.set(at(61));      // 02:00-03:00 closed a minute ago: its values are written
        assertThat(awaitValues(at(0), 16)).containsExactlyInAnyOrder(
                // acknowledge: Xicheng (7 + 3) / 2 = 5 → yellow; Chaoyang 20 → orange; the city (7 + 3 + 20) / 3
                row("operations.time_to_acknowledge", XICHENG, 5.0, 2, "yellow"),
                row("operations.time_to_acknowledge", CHAOYANG, 20.0, 1, "orange"),
                row("operations.time_to_acknowledge", BEIJING, 10.0, 3, "yellow"),
                row("operations.time_to_acknowledge.rainstorm", XICHENG, 7.0, 1, "yellow"),
                row("operations.time_to_acknowledge.rainstorm", BEIJING, 7.0, 1, "yellow"),
                row("operations.time_to_acknowledge.pollution", XICHENG, 3.0, 1, "blue"),
                row("operations.time_to_acknowledge.pollution", BEIJING, 3.0, 1, "blue"),
                // dispatch: the work orders went out with the acknowledgements, 7 and 20 minutes; the city 13.5
                row("operations.time_to_dispatch", XICHENG, 7.0, 1, "normal"),
                row("operations.time_to_dispatch", CHAOYANG, 20.0, 1, "yellow"),
                row("operations.time_to_dispatch", BEIJING, 13.5, 2, "blue"),
                row("operations.time_to_dispatch.rainstorm", XICHENG, 7.0, 1, "normal"),
                row("operations.time_to_dispatch.rainstorm", BEIJING, 7.0, 1, "normal"),
                // resolve: the rainstorm only, 40 minutes
                row("operations.time_to_resolve", XICHENG, 40.0, 1, "normal"),
                row("operations.time_to_resolve", BEIJING, 40.0, 1, "normal"),
                row("operations.time_to_resolve.rainstorm", XICHENG, 40.0, 1, "normal"),
                row("operations.time_to_resolve.rainstorm", BEIJING, 40.0, 1, "normal"));

        clock.set(at(70));      // the pollution episode resolved 60 minutes after it opened
        resolve(xicheng, pollution);
        clock.set(at(95));      // the congestion resolved 90 minutes after
        resolve(chaoyang, congestion);
        awaitResponses(xicheng, 2, 1, 2);
        awaitResponses(chaoyang, 1, 1, 1);
        clock.set(at(121));     // 03:00-04:00 closed
        assertThat(awaitValues(at(60), 5)).containsExactlyInAnyOrder(
                row("operations.time_to_resolve", XICHENG, 60.0, 1, "blue"),
                row("operations.time_to_resolve", CHAOYANG, 90.0, 1, "blue"),
                row("operations.time_to_resolve", BEIJING, 75.0, 2, "blue"),
                row("operations.time_to_resolve.pollution", XICHENG, 60.0, 1, "blue"),
                row("operations.time_to_resolve.pollution", BEIJING, 60.0, 1, "blue"));

        // the dashboard stops; while none runs, another instance records that a situation opened at 04:10 in Xicheng
        // was resolved at 04:30. A dashboard started at 08:30 writes the hours closed since 04:00, that one included
        server.close().await();
        new ResponseTimes(TestStack.get().clickHouse, "cityvitals").record(new SituationResponse("rt-gap", XICHENG,
                "rainstorm", "yellow", at(130), null, null, at(150), "weather", 1));
        clock.set(at(390));
        server = startDashboard();
        assertThat(awaitValues(at(120), 4)).containsExactlyInAnyOrder(
                row("operations.time_to_resolve", XICHENG, 20.0, 1, "normal"),
                row("operations.time_to_resolve", BEIJING, 20.0, 1, "normal"),
                row("operations.time_to_resolve.rainstorm", XICHENG, 20.0, 1, "normal"),
                row("operations.time_to_resolve.rainstorm", BEIJING, 20.0, 1, "normal"));

        // over, so no later dashboard takes the alerts for open alarms in these districts
        TestStack.get().publishAll(alerts.stream().map(a -> new AlertEvent(a.alertId(), 2, a.rule(), a.indicatorId(),
                a.district(), AlertKind.RESOLVED, Level.NORMAL, a.level(), 1, 1, a.since(), at(120), a.audience(),
                a.origin(), "resolved")).toList());
    }

    private static Instant at(int minutes) {
        return H.plus(Duration.ofMinutes(minutes));
    }

    private static String row(String indicator, String area, double value, long samples, String level) {
        return indicator + " " + area + " " + value + " " + samples + " " + level;
    }

    /**
     * The response-time values of the hour from {@code start} in the test's areas, read from ClickHouse, once there
     * are at least {@code expected} of them (the dashboard writes them on its own tick).
     */
    private static List<String> awaitValues(Instant start, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> rows = List.of();
        while (System.nanoTime() < deadline) {
            rows = TestStack.get().clickHouse.query("SELECT indicator_id, district, value, samples, toString(level)"
                            + " FROM cityvitals.indicator_values FINAL WHERE window_start = toDateTime(?)"
                            + " AND window_end = toDateTime(?) AND indicator_id LIKE 'operations.%'"
                            + " AND district IN ('" + XICHENG + "', '" + CHAOYANG + "', '" + BEIJING + "')",
                    rs -> row(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getLong(4), rs.getString(5)),
                    start.getEpochSecond(), start.plus(Duration.ofHours(1)).getEpochSecond());
            if (rows.size() >= expected) {
                return rows;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fewer than " + expected + " response-time values within 20 s: " + rows);
    }

    /** Waits until the dashboard has recorded the responses of the caller's situations opened in the hour. */
    private static void awaitResponses(String token, long acknowledged, long dispatched, long resolved)
            throws Exception {
        String uri = "/api/situation-response-times?from=" + H + "&to=" + at(60);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Set<String> seen = new TreeSet<>();
        while (System.nanoTime() < deadline) {
            JsonArray rows = get(token, uri).getJsonArray("rows");
            long[] counts = new long[3];
            for (Object r : rows) {
                JsonObject row = (JsonObject) r;
                counts[0] += row.getLong("acknowledged");
                counts[1] += row.getLong("dispatched");
                counts[2] += row.getLong("resolved");
            }
            seen.add(counts[0] + "/" + counts[1] + "/" + counts[2]);
            if (counts[0] == acknowledged && counts[1] == dispatched && counts[2] == resolved) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("responses not recorded within 15 s; seen (acknowledged/dispatched/resolved) " + seen);
    }

    private static void acknowledge(String token, String id, boolean withWorkOrder) throws Exception {
        JsonObject body = new JsonObject().put("action", "acknowledge");
        if (withWorkOrder) {
            body.put("workOrder", new JsonObject().put("assignee", "crew 1").put("due", at(180).toString()));
        }
        act(token, id, body);
        awaitSituation(token, s -> s.getString("id").equals(id) && s.getValue("acknowledged") != null
                && (!withWorkOrder || s.getValue("dispatched") != null));
    }

    private static void resolve(String token, String id) throws Exception {
        act(token, id, new JsonObject().put("action", "resolve").put("cause", "weather").put("note", "cleared"));
        awaitSituation(token, s -> s.getString("id").equals(id) && s.getString("state").equals("resolved"));
    }

    private static void act(String token, String id, JsonObject body) throws Exception {
        HttpResponse<Buffer> answer = http.post(server.port(), "127.0.0.1", "/api/situations/" + id + "/actions")
                .bearerTokenAuthentication(token).sendJsonObject(body).await(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(201);
        assertThat(Instant.parse(answer.bodyAsJsonObject().getString("actedAt"))).as("timed by the test clock")
                .isEqualTo(clock.instant());
    }

    private static JsonObject awaitSituation(String token, Predicate<JsonObject> matching) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonArray last = new JsonArray();
        while (System.nanoTime() < deadline) {
            last = get(token, "/api/situations?state=all").getJsonArray("situations");
            for (Object s : last) {
                if (matching.test((JsonObject) s)) {
                    return (JsonObject) s;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching situation within 15 s; last answer " + last.encodePrettily());
    }

    private static JsonObject get(String token, String uri) throws Exception {
        HttpResponse<Buffer> answer = http.get(server.port(), "127.0.0.1", uri).bearerTokenAuthentication(token)
                .send().await(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(uri + ": " + answer.bodyAsString()).isEqualTo(200);
        return answer.bodyAsJsonObject();
    }

    private static String login(String username) throws Exception {
        return http.post(server.port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", username).put("password", PASSWORD))
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
    }

    private static AlertEvent alert(String id, String indicator, String district, Instant since) {
        return new AlertEvent(id, 1, "level", indicator, district, AlertKind.OPENED, Level.YELLOW, Level.NORMAL, 1, 1,
                since, since, AlertAudience.OPERATIONS, Origin.LIVE, indicator + " opened");
    }
}
