package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A real WebSocket client on {@code /ws} that records every message it receives. */
final class WsProbe implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket socket;
    final List<JsonObject> received = new CopyOnWriteArrayList<>();

    private WsProbe(Vertx vertx, int port, String uri, WebSocketClientOptions options) throws Exception {
        // snapshots of a busy city exceed Vert.x's default 256 KB message limit; browsers have none
        client = vertx.createWebSocketClient(options.setMaxMessageSize(16 * 1024 * 1024));
        ClientWebSocket ws = client.webSocket();
        // installed before connecting: the server may send the snapshot as soon as the handshake completes
        ws.textMessageHandler(text -> received.add(new JsonObject(text)));
        socket = ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri))
                .await(10, TimeUnit.SECONDS);
    }

    /** Connects and authenticates with a first message, as the page does. */
    static WsProbe open(Vertx vertx, int port, String token) throws Exception {
        return open(vertx, port, token, null);
    }

    /** Connects and authenticates, resuming from {@code cursor} (null: a fresh snapshot). */
    static WsProbe open(Vertx vertx, int port, String token, String cursor) throws Exception {
        WsProbe probe = new WsProbe(vertx, port, "/ws", new WebSocketClientOptions());
        probe.authenticate(token, cursor);
        return probe;
    }

    /** Connects with the token in the URL, which the server refuses. */
    static WsProbe withTokenInUrl(Vertx vertx, int port, String token) throws Exception {
        return new WsProbe(vertx, port, "/ws?token=" + token, new WebSocketClientOptions());
    }

    /** A client whose kernel receive buffer is tiny, so that {@link #stopReading()} soon backs up the server. */
    static WsProbe withTinyReceiveBuffer(Vertx vertx, int port, String token) throws Exception {
        WsProbe probe = new WsProbe(vertx, port, "/ws", new WebSocketClientOptions().setReceiveBufferSize(4096));
        probe.authenticate(token, null);
        return probe;
    }

    private void authenticate(String token, String cursor) {
        JsonObject auth = new JsonObject().put("type", "auth").put("token", token);
        if (cursor != null) {
            auth.put("resume", cursor);
        }
        socket.writeTextMessage(auth.encode());
    }

    /** The last cursor received: what a reconnecting screen resumes from. */
    String lastCursor() {
        for (int i = received.size() - 1; i >= 0; i--) {
            String cursor = received.get(i).getString("cursor");
            if (cursor != null) {
                return cursor;
            }
        }
        return null;
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    /** Stops reading from the socket, like a screen whose browser has frozen. */
    void stopReading() {
        socket.pause();
    }

    void resumeReading() {
        socket.resume();
    }

    /** The first received message matching, waiting up to {@code timeout}; fails the test otherwise. */
    JsonObject await(Predicate<JsonObject> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonObject m : received) {
                if (matching.test(m)) {
                    return m;
                }
            }
            Thread.sleep(20);
        }
        assertThat(received).as("messages received; none matched within " + timeout).anyMatch(matching);
        throw new AssertionError("unreachable");
    }

    JsonObject awaitType(String type) throws InterruptedException {
        return await(m -> type.equals(m.getString("type")), Duration.ofSeconds(15));
    }

    /** Waits for the server to close the socket; returns its close status code. */
    short awaitClose(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!socket.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(socket.isClosed()).as("socket closed by the server").isTrue();
        return socket.closeStatusCode();
    }

    String closeReason() {
        return socket.closeReason();
    }

    @Override
    public void close() {
        client.close();
    }
}
