package org.cityvitals.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen as the dashboard sees one: logs in over REST, opens {@code /ws}, authenticates with its first message and
 * keeps every frame it receives, from the snapshot on.
 */
final class ScreenClient {

    final List<JsonObject> frames = new CopyOnWriteArrayList<>();

    private ScreenClient() {}

    static ScreenClient open(Vertx vertx, int port, String user, String password) throws Exception {
        String token = WebClient.create(vertx).post(port, "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", user).put("password", password))
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
        assertThat(token).as("a token for " + user).isNotBlank();
        ScreenClient screen = new ScreenClient();
        ClientWebSocket ws = vertx.createWebSocketClient().webSocket();
        ws.textMessageHandler(text -> screen.frames.add(new JsonObject(text)));
        ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
                .await(10, TimeUnit.SECONDS);
        ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode())
                .await(10, TimeUnit.SECONDS);
        screen.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(10));
        return screen;
    }

    /** The first frame matching, waiting up to {@code timeout}. */
    JsonObject await(Predicate<JsonObject> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonObject m : frames) {
                if (matching.test(m)) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching frame within " + timeout + "; received " + frames.size()
                + " frames: " + frames.stream().map(m -> m.getString("type")).distinct().toList());
    }

    /** The alerts pushed so far. */
    List<JsonObject> alerts() {
        return frames.stream().filter(m -> "alert".equals(m.getString("type")))
                .map(m -> m.getJsonObject("alert")).toList();
    }
}
