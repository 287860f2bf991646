package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero missed and zero duplicated alert transitions at a real WebSocket client, across a dropped connection and
 * across a server restart, among 1,200 transitions; and a resume point older than the server's log gets a fresh
 * snapshot with the full story of every alert that changed.
 */
class LossFreeDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestStack stack;
    private static Vertx clientVertx;
    private static WebClient http;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.get();
        clientVertx = Vertx.vertx();
        http = WebClient.create(clientVertx);
    }

    @AfterAll
    static void stop() {
        clientVertx.close().await();
    }

    @Test
    void everyTransitionArrivesExactlyOnceAcrossADroppedConnectionAndARestart() throws Exception {
        String prefix = "lf-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<List<AlertEvent>> batches = batches(prefix, 400, 6); // 400 alerts × 3 transitions = 1,200
        Received received = new Received(prefix);

        Vertx first = Vertx.vertx();
        DashboardServer a = TestStack.startReady(first, stack.config());
        String token = login(a.port());
        WsProbe client = WsProbe.open(clientVertx, a.port(), token);
        client.awaitType("snapshot");
        stack.publishAll(batches.get(0));
        stack.publishAll(batches.get(1));
        awaitCount(client, received, 400);

        // the connection drops; transitions keep coming; the client resumes from its last cursor
        String cursor = client.lastCursor();
        received.take(client);
        client.close();
        stack.publishAll(batches.get(2));
        client = WsProbe.open(clientVertx, a.port(), token, cursor);
        client.awaitType("resumed");
        stack.publishAll(batches.get(3));
        awaitCount(client, received, 800);

        // the server restarts while transitions keep coming; the client resumes on the new one
        cursor = client.lastCursor();
        received.take(client);
        client.close();
        a.close().await();
        first.close().await();
        stack.publishAll(batches.get(4));
        Vertx second = Vertx.vertx();
        try {
            DashboardServer b = TestStack.startReady(second, stack.config());
            client = WsProbe.open(clientVertx, b.port(), login(b.port()), cursor);
            client.awaitType("resumed");
            stack.publishAll(batches.get(5));
            awaitCount(client, received, 1200);
            received.take(client);
            client.close();
            b.close().await();
        } finally {
            second.close().await();
        }

        assertThat(received.duplicates()).as("transitions delivered twice").isEmpty();
        assertThat(received.keys()).containsExactlyInAnyOrderElementsOf(keys(batches));
        assertThat(received.outOfOrder()).as("alerts whose versions arrived out of order").isEmpty();
    }

    @Test
    void aResumePointOlderThanTheLogGetsASnapshotWithTheFullStoryOfEveryChangedAlert() throws Exception {
        String prefix = "old-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Vertx vertx = Vertx.vertx();
        try {
            DashboardServer server = TestStack.startReady(vertx, stack.config()
                    .withLimits(new DashboardConfig.Limits(1000, 1000, 100, Duration.ofMinutes(5), 50, 5000)));
            String token = login(server.port());
            WsProbe client = WsProbe.open(clientVertx, server.port(), token);
            String cursor = client.awaitType("snapshot").getString("cursor");
            // 30 alerts × 3 transitions overflow a log of 50; ClickHouse has them, as the job would have written
            List<AlertEvent> story = batches(prefix, 30, 1).get(0);
            stack.insertAlerts(story);
            stack.publishAll(story);
            client.await(m -> "alert".equals(m.getString("type"))
                    && m.getJsonObject("alert").getString("alertId").equals(prefix + "29")
                    && m.getJsonObject("alert").getInteger("version") == 3, WAIT);
            client.close();

            WsProbe again = WsProbe.open(clientVertx, server.port(), token, cursor);
            JsonObject snapshot = again.awaitType("snapshot");
            Map<String, List<Integer>> versions = new HashMap<>();
            snapshot.getJsonArray("changed").stream().map(JsonObject.class::cast)
                    .filter(c -> c.getString("alertId").startsWith(prefix))
                    .forEach(c -> versions.put(c.getString("alertId"), c.getJsonArray("transitions").stream()
                            .map(t -> ((JsonObject) t).getInteger("version")).toList()));
            assertThat(versions).hasSize(30).allSatisfy((id, v) -> assertThat(v).containsExactly(1, 2, 3));
            assertThat(snapshot.getString("cursor")).isNotEqualTo(cursor);
            again.close();
            server.close().await();
        } finally {
            vertx.close().await();
        }
    }

    /** {@code alerts} alerts, each opened, raised and resolved, spread over {@code count} batches in order. */
    private static List<List<AlertEvent>> batches(String prefix, int alerts, int count) {
        List<AlertEvent> all = new ArrayList<>();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<List<AlertEvent>> batches = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            String id = prefix + i;
            all.add(event(id, 1, AlertKind.OPENED, Level.YELLOW, Level.NORMAL, t));
            all.add(event(id, 2, AlertKind.LEVEL_CHANGED, Level.RED, Level.YELLOW, t));
            all.add(event(id, 3, AlertKind.RESOLVED, Level.NORMAL, Level.RED, t));
        }
        int size = all.size() / count;
        for (int b = 0; b < count; b++) {
            batches.add(all.subList(b * size, b == count - 1 ? all.size() : (b + 1) * size));
        }
        return batches;
    }

    private static AlertEvent event(String id, int version, AlertKind kind, Level level, Level previous, Instant t) {
        return new AlertEvent(id, version, "level", "air.pm25", "310101", kind, level, previous, 80, 75, t, t,
                AlertAudience.OPERATIONS, Origin.LIVE, "PM2.5 above 75");
    }

    private static List<String> keys(List<List<AlertEvent>> batches) {
        return batches.stream().flatMap(List::stream).map(e -> e.alertId() + "@" + e.version()).toList();
    }

    private static void awaitCount(WsProbe client, Received received, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received.countWith(client) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(received.countWith(client)).isGreaterThanOrEqualTo(expected);
    }

    private static String login(int port) throws Exception {
        HttpResponse<Buffer> response = http.post(port, "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", "ops").put("password", "ops"))
                .await(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject().getString("token");
    }

    /** Every transition of this test's alerts that reached the client, over all its connections, in order. */
    private static final class Received {
        private final String prefix;
        private final List<String> keys = new ArrayList<>();

        Received(String prefix) {
            this.prefix = prefix;
        }

        void take(WsProbe client) {
            keys.addAll(transitions(client));
        }

        int countWith(WsProbe client) {
            return keys.size() + transitions(client).size();
        }

        private List<String> transitions(WsProbe client) {
            return client.received.stream().filter(m -> "alert".equals(m.getString("type")))
                    .map(m -> m.getJsonObject("alert"))
                    .filter(a -> a.getString("alertId").startsWith(prefix))
                    .map(a -> a.getString("alertId") + "@" + a.getInteger("version")).toList();
        }

        List<String> keys() {
            return keys;
        }

        List<String> duplicates() {
            Map<String, Integer> counts = new HashMap<>();
            keys.forEach(k -> counts.merge(k, 1, Integer::sum));
            return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        }

        List<String> outOfOrder() {
            Map<String, Integer> last = new HashMap<>();
            List<String> wrong = new ArrayList<>();
            for (String k : keys) {
                String id = k.substring(0, k.indexOf('@'));
                int version = Integer.parseInt(k.substring(k.indexOf('@') + 1));
                if (last.getOrDefault(id, 0) >= version) {
                    wrong.add(k);
                }
                last.put(id, version);
            }
            return wrong;
        }
    }
}
