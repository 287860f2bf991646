package org.cityvitals.launcher.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.cityvitals.dashboard.live.Cursor;
import io.vertx.ext.web.client.WebClient;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operations centre's screen as the benchmark sees it: logs in as {@code ops}, opens the live WebSocket,
 * authenticates with its first message and hands every alert frame of one indicator's level rule to a listener,
 * stamped with the wall-clock time it arrived. A closed socket is reopened at once (and counted): the listener is
 * told, because frames sent meanwhile are lost to it.
 */
final class AlertScreen {

    /**
     * What the benchmark needs of one alert frame; {@code kafkaMillis} is the time in its cursor, the alert record's
     * Kafka timestamp (its append time where the rig stamps {@code cv.alerts} so).
     */
    record AlertFrame(String district, String kind, long eventTimeMillis, long kafkaMillis, long receivedMillis) {}

    interface Listener {
        void onAlert(AlertFrame frame);

        /** The socket was closed and a new one opened: what happened in between was not seen. */
        void onReconnect();
    }

    /**
     * The first login hashes the password (PBKDF2, 600,000 iterations) in a JVM not yet warm while the job, the
     * simulator and ClickHouse start on the same 2 cores: it took 12 s in one run, beyond the 10 s first allowed.
     */
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(60);

    private final AtomicLong frames = new AtomicLong();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final Vertx vertx;
    private final int port;
    private final String indicatorId;
    private final String rule;
    private final Listener listener;
    private final WebSocketClient client;
    private final String token;
    private volatile boolean stopping;

    private AlertScreen(Vertx vertx, int port, String indicatorId, String rule, Listener listener, String token) {
        this.vertx = vertx;
        this.port = port;
        this.indicatorId = indicatorId;
        this.rule = rule;
        this.listener = listener;
        this.token = token;
        // the snapshot of a whole city is larger than the client's default message limit
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(64 * 1024 * 1024).setMaxFrameSize(64 * 1024 * 1024));
    }

    static AlertScreen open(Vertx vertx, int port, String indicatorId, String rule, Listener listener)
            throws Exception {
        String token = WebClient.create(vertx).post(port, "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", "ops").put("password", "ops"))
                .await(LOGIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
        AlertScreen screen = new AlertScreen(vertx, port, indicatorId, rule, listener, token);
        screen.connect().await(LOGIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return screen;
    }

    /** Frames of any type received so far. */
    long frames() {
        return frames.get();
    }

    int reconnects() {
        return reconnects.get();
    }

    void stop() {
        stopping = true;
    }

    private Future<Void> connect() {
        ClientWebSocket ws = client.webSocket();
        ws.textMessageHandler(text -> {
            long received = System.currentTimeMillis();
            frames.incrementAndGet();
            try {
                onText(text, received);
            } catch (RuntimeException e) {
                System.out.println("a frame the screen could not read: " + e + ": "
                        + text.substring(0, Math.min(300, text.length())));
            }
        });
        ws.exceptionHandler(e -> System.out.println("the screen's WebSocket failed: " + e));
        ws.closeHandler(v -> {
            if (stopping) {
                return;
            }
            System.out.println("the screen's WebSocket closed: " + ws.closeStatusCode() + " " + ws.closeReason()
                    + " after " + frames() + " frames; reopening");
            reconnects.incrementAndGet();
            listener.onReconnect();
            vertx.setTimer(100, id -> connect());
        });
        return ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
                .compose(s -> ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token)
                        .encode()));
    }

    private void onText(String text, long received) {
        if (!text.contains("\"type\":\"alert\"")) {
            return;
        }
        JsonObject frame = new JsonObject(text);
        JsonObject alert = frame.getJsonObject("alert");
        if (alert != null && indicatorId.equals(alert.getString("indicatorId"))
                && rule.equals(alert.getString("rule"))) {
            listener.onAlert(new AlertFrame(alert.getString("district"), alert.getString("kind"),
                    Instant.parse(alert.getString("eventTime")).toEpochMilli(),
                    Cursor.parse(frame.getString("cursor")).timeMillis(), received));
        }
    }
}
