package org.cityvitals.dashboard.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fan-out benchmark's load generator, in a process of its own so that it does not share the server's JVM:
 * opens N WebSockets with one token, waits until each has its snapshot, then for {@code seconds} records how late
 * every heartbeat sent in that time arrives (receive time − the heartbeat's {@code serverTime}, one clock on one
 * machine). It reads
 * only the two fields it needs from each frame, so that it stays cheap. Prints one {@code RESULT} line.
 *
 * <p>{@code FanOutClients PORT TOKEN CLIENTS SECONDS}
 */
public final class FanOutClients {

    private static final String SERVER_TIME = "\"serverTime\":\"";
    private static final int CONNECTING_AT_ONCE = 200;

    private FanOutClients() {}

    public static void main(String[] args) {
        try {
            measure(args);
        } catch (Exception e) {
            System.out.println("RESULT failed: " + e);
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(64 * 1024 * 1024).setMaxFrameSize(64 * 1024 * 1024).setMaxConnections(clients + 10));
        Recorder lag = new Recorder(3);
        AtomicInteger snapshots = new AtomicInteger();
        AtomicLong heartbeats = new AtomicLong();
        // only heartbeats the server sent inside the measured window count: one per client per second is expected
        AtomicLong windowStart = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger closed = new AtomicInteger();
        String auth = "{\"type\":\"auth\",\"token\":\"" + token + "\"}";
        List<ClientWebSocket> sockets = new ArrayList<>();
        long started = System.nanoTime();
        for (int opened = 0; opened < clients; opened += CONNECTING_AT_ONCE) {
            List<Future<?>> batch = new ArrayList<>();
            for (int i = opened; i < Math.min(clients, opened + CONNECTING_AT_ONCE); i++) {
                ClientWebSocket ws = client.webSocket();
                ws.textMessageHandler(text -> {
                    int at = text.indexOf(SERVER_TIME);
                    if (text.startsWith("{\"cursor\"") && text.contains("\"type\":\"heartbeat\"") && at > 0) {
                        long sent = Instant.parse(text.substring(at + SERVER_TIME.length(),
                                text.indexOf('"', at + SERVER_TIME.length()))).toEpochMilli();
                        if (sent >= windowStart.get()) {
                            lag.recordValue(Math.max(0, System.currentTimeMillis() - sent));
                            heartbeats.incrementAndGet();
                        }
                    } else if (text.contains("\"type\":\"snapshot\"")) {
                        snapshots.incrementAndGet();
                    }
                });
                ws.closeHandler(v -> closed.incrementAndGet());
                sockets.add(ws);
                batch.add(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
                        .onSuccess(s -> s.writeTextMessage(auth)));
            }
            Future.join(batch).await(120, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (snapshots.get() < clients && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double connectSeconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(2000); // let the first heartbeats after the snapshots settle
        lag.reset();
        windowStart.set(System.currentTimeMillis());
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        Histogram h = lag.getIntervalHistogram();
        long received = heartbeats.get();
        System.out.printf("RESULT clients=%d snapshots=%d closed=%d connectSeconds=%.1f heartbeats=%d "
                        + "expected=%d p50=%d p95=%d p99=%d max=%d%n", clients, snapshots.get(), closed.get(),
                connectSeconds, received, (long) clients * seconds, h.getValueAtPercentile(50),
                h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue());
        System.out.flush();
        sockets.forEach(ws -> ws.close());
        vertx.close().await(30, TimeUnit.SECONDS);
    }
}
