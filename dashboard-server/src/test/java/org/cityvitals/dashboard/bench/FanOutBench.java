package org.cityvitals.dashboard.bench;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.micrometer.backends.BackendRegistries;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cityvitals.dashboard.DashboardConfig;
import org.cityvitals.dashboard.DashboardMetrics;
import org.cityvitals.dashboard.DashboardServer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * WebSocket fan-out: a dashboard server on a real broker and ClickHouse, a steady stream at the demo city's rate
 * (48 indicators × 17 areas a minute ≈ 14 values/s; an alert opened and one resolved every 10 s), and N screens
 * opened by {@link FanOutClients} in a separate JVM. Prints per round the broadcast lag at the clients (an indicator
 * value's publish to Kafka → its arrival at a screen), the heartbeats that arrived and the ticks they came from, the
 * server's own counts (messages written, coalesced in a client's queue, values coalesced before the fan-out, heartbeat
 * ticks skipped, heartbeats replaced, clients dropped),
 * and the median lag over rounds.
 *
 * <p>{@code FanOutBench [CLIENTS=5000] [ROUNDS=3] [SECONDS=30]}
 */
public final class FanOutBench {

    private static final String PREFIX = "cityvitals.dashboard.ws.";
    private static final List<String> SERVER_COUNTERS = List.of(PREFIX + "messages.pushed",
            PREFIX + "messages.coalesced", PREFIX + "values.coalesced", PREFIX + "heartbeats.skipped", PREFIX + "heartbeats.replaced",
            PREFIX + "clients.dropped");
    private static final Pattern RESULT = Pattern.compile("p50=(\\d+) p95=(\\d+) p99=(\\d+)");

    private FanOutBench() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        SharedStack stack = SharedStack.get();
        String kafka = stack.kafka(Topics.INDICATOR_UPDATES, Topics.ALERT_EVENTS, Topics.HEALTH_SCORES,
                Topics.ALERT_ACTIONS);
        new SchemaMigrator(new ClickHouse(stack.jdbcUrl("default")), "cityvitals").migrate();
        Vertx vertx = DashboardMetrics.newVertx();
        DashboardConfig config = DashboardConfig.of(kafka, stack.jdbcUrl("cityvitals")).withPort(0)
                .withLimits(DashboardConfig.Limits.DEFAULT.withSockets(clients + 100, clients + 100));
        DashboardServer server = DashboardServer.start(vertx, config).await(60, TimeUnit.SECONDS);
        while (!server.ready()) {
            Thread.sleep(100);
        }
        String token = WebClient.create(vertx).post(server.port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", "ops").put("password", "ops"))
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
        Thread load = new Thread(() -> publishSteadily(kafka), "bench-load");
        load.setDaemon(true);
        load.setUncaughtExceptionHandler((thread, e) -> { // without its load the benchmark measures nothing
            e.printStackTrace();
            System.exit(1);
        });
        load.start();

        MeterRegistry meters = BackendRegistries.getDefaultNow();
        double connectionsBetweenRounds = openConnections(meters);
        List<long[]> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            awaitSocketsClosed(meters, connectionsBetweenRounds);
            Map<String, Double> before = serverCounts(meters);
            String line = runClients(server.port(), token, clients, seconds);
            System.out.println("round " + round + ": " + line);
            Map<String, Double> after = serverCounts(meters);
            System.out.println("  server, during the round:" + SERVER_COUNTERS.stream()
                    .map(c -> String.format(" %s %.0f", c.substring(PREFIX.length()), after.get(c) - before.get(c)))
                    .collect(Collectors.joining(",")));
            Matcher m = RESULT.matcher(line);
            if (m.find()) {
                results.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(3))});
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("  server JVM heap used after GC: %d MB%n",
                    (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        }
        System.out.printf("median over %d rounds, %d clients: p50 %d ms, p95 %d ms, p99 %d ms%n", results.size(),
                clients, median(results, 0), median(results, 1), median(results, 2));
        server.close().await();
        vertx.close().await();
        System.exit(0);
    }

    /**
     * Waits until the previous round's sockets are gone from the server: a round's clients exit as soon as they
     * have printed, but the server notices the closes only as it reads them, and until then they count against the
     * per-address and per-user caps, so the next round's sockets would be refused.
     */
    private static void awaitSocketsClosed(MeterRegistry meters, double baseline) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(2);
        while (sockets(meters) > 0 || openConnections(meters) > baseline) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the previous round's sockets are still open after 2 minutes: "
                        + sockets(meters) + " sockets, " + openConnections(meters) + " connections");
            }
            Thread.sleep(100);
        }
        System.out.printf("  server back to %.0f sockets and %.0f connections after %.1f s%n", sockets(meters),
                openConnections(meters), (System.nanoTime() - started) / 1e9);
    }

    /** The server's own account of a round: what it wrote, coalesced, and which heartbeats it skipped or replaced. */
    private static Map<String, Double> serverCounts(MeterRegistry meters) {
        return SERVER_COUNTERS.stream().collect(Collectors.toMap(c -> c, c -> meters.get(c).counter().count()));
    }

    private static double sockets(MeterRegistry meters) {
        return meters.get("cityvitals.dashboard.ws.clients").gauge().value();
    }

    private static double openConnections(MeterRegistry meters) {
        return meters.find("vertx.http.server.active.connections").gauges().stream()
                .mapToDouble(Gauge::value).sum();
    }

    private static String runClients(int port, String token, int clients, int seconds) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx1g", "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), FanOutClients.class.getName(),
                Integer.toString(port), token, Integer.toString(clients), Integer.toString(seconds))
                .redirectErrorStream(true).start();
        String result = "no RESULT line";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT")) {
                    result = line;
                }
            }
        }
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return result;
    }

    /**
     * 14 indicator values a second, each with its publish time as its version (later in its window, so every one
     * supersedes the last), and every 10 s an alert opened and the one before it resolved.
     */
    private static void publishSteadily(String kafka) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), new StringSerializer(), new ByteArraySerializer())) {
            String[] districts = {"310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112"};
            for (long tick = 0; ; tick++) {
                Instant now = Instant.now();
                Instant window = now.truncatedTo(ChronoUnit.MINUTES);
                for (int i = 0; i < (tick % 5 < 2 ? 2 : 1); i++) { // 7 values per 0.5 s
                    String district = districts[(int) ((tick * 5 + i) % districts.length)];
                    // the version is the publish time: the clients measure each broadcast's lag from it
                    IndicatorValue v = new IndicatorValue("air.pm25", district, window, window.plusSeconds(60),
                            40 + tick % 50, 12, Level.NORMAL, System.currentTimeMillis());
                    producer.send(new ProducerRecord<>(Topics.INDICATOR_UPDATES, "air.pm25|" + district,
                            SignalCodec.toJsonBytes(v)));
                }
                if (tick % 100 == 0) {
                    String id = "bench-" + tick;
                    String district = districts[(int) (tick / 100 % districts.length)];
                    producer.send(new ProducerRecord<>(Topics.ALERT_EVENTS, id, SignalCodec.toJsonBytes(
                            new AlertEvent(id, 1, "level", "air.pm25", district, AlertKind.OPENED,
                                    Level.YELLOW, Level.NORMAL, 120, 115, now, now, AlertAudience.OPERATIONS,
                                    Origin.LIVE, "bench"))));
                }
                if (tick % 100 == 0 && tick > 0) { // the alert opened 10 s ago resolves
                    String previous = "bench-" + (tick - 100);
                    producer.send(new ProducerRecord<>(Topics.ALERT_EVENTS, previous, SignalCodec.toJsonBytes(
                            new AlertEvent(previous, 2, "level", "air.pm25",
                                    districts[(int) ((tick - 100) / 100 % districts.length)], AlertKind.RESOLVED,
                                    Level.NORMAL, Level.YELLOW, 60, 115, now, now, AlertAudience.OPERATIONS,
                                    Origin.LIVE, "bench"))));
                }
                Thread.sleep(Duration.ofMillis(100).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long median(List<long[]> results, int index) {
        List<Long> values = new ArrayList<>(results.stream().map(r -> r[index]).toList());
        Collections.sort(values);
        return values.isEmpty() ? -1 : values.get(values.size() / 2);
    }
}
