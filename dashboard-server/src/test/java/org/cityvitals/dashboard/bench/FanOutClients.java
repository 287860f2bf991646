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
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fan-out benchmark's load generator, in a process of its own so that it does not share the server's JVM:
 * opens N WebSockets with one token, waits until each has its snapshot, then for {@code seconds} records how late
 * every broadcast published in that time arrives: an indicator value, whose {@code version} the benchmark's load
 * sets to the wall-clock millisecond it published the value to Kafka (receive time − that, one clock on one
 * machine). That lag includes any time the value waited on the server's event loop. Heartbeats are counted per
 * socket and per server tick, with their lag from the tick that sent them (which does not include the wait: a tick
 * stamps its time when it runs, however late). It reads only the fields it needs from each frame, so that it stays
 * cheap. Prints one {@code RESULT} line.
 *
 * <p>{@code FanOutClients PORT TOKEN CLIENTS SECONDS}
 */
public final class FanOutClients {

    private static final String SERVER_TIME = "\"serverTime\":\"";
    private static final String VERSION = "\"version\":";
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
        Recorder beatLag = new Recorder(3);
        AtomicLong broadcasts = new AtomicLong();
        AtomicInteger snapshots = new AtomicInteger();
        AtomicLong heartbeats = new AtomicLong();
        // per socket, and the server's distinct ticks: tells a tick the server never sent from a beat a socket missed
        AtomicIntegerArray perSocket = new AtomicIntegerArray(clients);
        Set<Long> ticks = ConcurrentHashMap.newKeySet();
        // only broadcasts published and heartbeats sent inside the measured window count
        AtomicLong windowStart = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger closed = new AtomicInteger();
        String auth = "{\"type\":\"auth\",\"token\":\"" + token + "\"}";
        List<ClientWebSocket> sockets = new ArrayList<>();
        long started = System.nanoTime();
        for (int opened = 0; opened < clients; opened += CONNECTING_AT_ONCE) {
            List<Future<?>> batch = new ArrayList<>();
            for (int i = opened; i < Math.min(clients, opened + CONNECTING_AT_ONCE); i++) {
                ClientWebSocket ws = client.webSocket();
                int index = i;
                ws.textMessageHandler(text -> {
                    int at = text.indexOf(SERVER_TIME);
                    if (text.startsWith("{\"cursor\"") && text.contains("\"type\":\"heartbeat\"") && at > 0) {
                        long sent = Instant.parse(text.substring(at + SERVER_TIME.length(),
                                text.indexOf('"', at + SERVER_TIME.length()))).toEpochMilli();
                        if (sent >= windowStart.get()) {
                            beatLag.recordValue(Math.max(0, System.currentTimeMillis() - sent));
                            heartbeats.incrementAndGet();
                            perSocket.incrementAndGet(index);
                            ticks.add(sent);
                        }
                    } else if (text.startsWith("{\"type\":\"indicator\"") && text.contains(VERSION)) {
                        int from = text.indexOf(VERSION) + VERSION.length();
                        int to = from;
                        while (to < text.length() && Character.isDigit(text.charAt(to))) {
                            to++;
                        }
                        long published = Long.parseLong(text, from, to, 10);
                        if (published >= windowStart.get()) {
                            lag.recordValue(Math.max(0, System.currentTimeMillis() - published));
                            broadcasts.incrementAndGet();
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
        beatLag.reset();
        windowStart.set(System.currentTimeMillis());
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        Histogram h = lag.getIntervalHistogram();
        Histogram beats = beatLag.getIntervalHistogram();
        long received = heartbeats.get();
        int[] counts = new int[clients];
        for (int i = 0; i < clients; i++) {
            counts[i] = perSocket.get(i);
        }
        Arrays.sort(counts);
        System.out.printf("RESULT clients=%d snapshots=%d closed=%d connectSeconds=%.1f broadcasts=%d "
                        + "p50=%d p95=%d p99=%d max=%d heartbeats=%d expected=%d ticks=%d perSocket=%d/%d/%d "
                        + "beatLagP50=%d beatLagP95=%d%n", clients, snapshots.get(), closed.get(), connectSeconds,
                broadcasts.get(), h.getValueAtPercentile(50), h.getValueAtPercentile(95), h.getValueAtPercentile(99),
                h.getMaxValue(), received, (long) clients * seconds, ticks.size(), counts[0], counts[clients / 2],
                counts[clients - 1], beats.getValueAtPercentile(50), beats.getValueAtPercentile(95));
        System.out.flush();
        sockets.forEach(ws -> ws.close());
        vertx.close().await(30, TimeUnit.SECONDS);
    }
}
