package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.cityvitals.indicators.level.Level;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two dashboard instances as behind a load balancer (same Kafka, same ClickHouse, same token secret): an action
 * taken on instance A reaches a screen on instance B within a second, and a screen that moves from A to B resumes
 * with its cursor.
 */
class TwoInstancesIT {

    private static final String SECRET = "shared-by-both-instances";

    @Test
    void anActionOnOneInstanceReachesAScreenOnTheOtherWithinOneSecond() throws Exception {
        TestStack stack = TestStack.get();
        Vertx vertxA = Vertx.vertx();
        Vertx vertxB = Vertx.vertx();
        Vertx clients = Vertx.vertx();
        try {
            DashboardServer a = TestStack.startReady(vertxA, stack.config().withJwtSecret(SECRET));
            DashboardServer b = TestStack.startReady(vertxB, stack.config().withJwtSecret(SECRET));
            WebClient http = WebClient.create(clients);
            String token = login(http, a.port()); // one token works on both: the secret is shared
            try (WsProbe onA = WsProbe.open(clients, a.port(), token);
                 WsProbe onB = WsProbe.open(clients, b.port(), token)) {
                onA.awaitType("snapshot");
                onB.awaitType("snapshot");
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    String alertId = "two-" + System.nanoTime();
                    stack.publish(Signals.opened(alertId, "310109", Level.ORANGE, 180));
                    onA.await(m -> isAlert(m, alertId), Duration.ofSeconds(15));
                    onB.await(m -> isAlert(m, alertId), Duration.ofSeconds(15));

                    long sent = System.nanoTime();
                    HttpResponse<Buffer> posted = http.post(a.port(), "127.0.0.1", "/api/alerts/" + alertId + "/actions")
                            .bearerTokenAuthentication(token)
                            .sendJsonObject(new JsonObject().put("action", "acknowledge").put("note", "from A"))
                            .await(10, TimeUnit.SECONDS);
                    assertThat(posted.statusCode()).as(posted.bodyAsString()).isEqualTo(201);
                    String actionId = posted.bodyAsJsonObject().getString("actionId");
                    JsonObject pushed = onB.await(m -> "alertAction".equals(m.getString("type"))
                            && m.getJsonObject("action").getString("actionId").equals(actionId), Duration.ofSeconds(5));
                    latencies.add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
                    assertThat(pushed.getJsonObject("handling").getJsonObject("acknowledged").getString("note"))
                            .isEqualTo("from A");
                }
                assertThat(latencies).as("ms from the POST on A to the frame on B").allMatch(ms -> ms < 1000);

                // the screen on A moves to B (A went away behind the balancer) and resumes where it was
                String cursor = onA.lastCursor();
                String alertId = "two-moved-" + System.nanoTime();
                stack.publish(Signals.opened(alertId, "310109", Level.RED, 300));
                try (WsProbe moved = WsProbe.open(clients, b.port(), token, cursor)) {
                    moved.awaitType("resumed");
                    moved.await(m -> isAlert(m, alertId), Duration.ofSeconds(15));
                }
            }
            a.close().await();
            b.close().await();
        } finally {
            clients.close().await();
            vertxA.close().await();
            vertxB.close().await();
        }
    }

    private static boolean isAlert(JsonObject m, String alertId) {
        return "alert".equals(m.getString("type")) && m.getJsonObject("alert").getString("alertId").equals(alertId);
    }

    private static String login(WebClient http, int port) throws Exception {
        return http.post(port, "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", "ops").put("password", "ops"))
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
    }
}
