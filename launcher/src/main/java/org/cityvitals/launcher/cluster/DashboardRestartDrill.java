package org.cityvitals.launcher.cluster;

import io.vertx.core.json.JsonObject;
import org.apache.kafka.common.TopicPartition;
import org.cityvitals.dashboard.live.Cursor;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.stack.cluster.Await;
import org.cityvitals.stack.cluster.ChildProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard server, run against the cluster, killed (SIGKILL) and started again while its screens are connected
 * and alerts flow: every screen reconnects with the last cursor it received and must end up with every live alert
 * transition it may see, exactly once — zero missed alerts across the restart (dashboard-server/README.md,
 * "Loss-free delivery").
 */
final class DashboardRestartDrill {

    static final int CLIENTS = 10;
    /** The Shanghai operations centre's demo account: every operations alert of the city. */
    private static final String USER = "ops";
    private static final Duration DOWN_FOR = Duration.ofSeconds(5);
    /** The longest the dashboard stays down beyond {@link #DOWN_FOR} waiting for an alert to be published. */
    private static final Duration ALERT_WAIT = Duration.ofMinutes(2);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private DashboardRestartDrill() {}

    static List<Check> run(DrillContext ctx, long events) throws Exception {
        ctx.say("preparing: no other job, fresh topics, a fresh database " + DrillCommand.DRILL_DB);
        ctx.cancelRunningJobs();
        ctx.resetTopics();
        ctx.freshDatabase(DrillCommand.DRILL_DB);
        DrillContext.Pipeline jobs = ctx.submit(DrillCommand.DRILL_DB, "drill-dashboard-" + System.currentTimeMillis());
        Dashboard dashboard = new Dashboard(ctx);
        List<Screen> screens = new ArrayList<>();
        try {
            dashboard.start();
            String token = dashboard.login();
            for (int i = 0; i < CLIENTS; i++) {
                screens.add(new Screen(dashboard.uri(), token));
            }
            Await.until(CLIENTS + " screens to get their snapshot", Duration.ofSeconds(60),
                    () -> screens.stream().allMatch(s -> s.firstCursor != null));
            Map<TopicPartition, Long> from = firstUnseen(screens);
            ctx.say(CLIENTS + " screens connected as '" + USER + "'; the simulator writes " + events + " events");

            DrillContext.Input input = ctx.startInput(events);
            Await.until("the screens to receive alerts", Duration.ofMinutes(3),
                    () -> screens.stream().allMatch(s -> s.alerts.size() >= 5));
            var alertsAtKill = ctx.endOffsets(Topics.ALERT_EVENTS);
            dashboard.kill();
            ctx.say("killed the dashboard (SIGKILL) with " + screens.get(0).alerts.size()
                    + " alerts at the first screen");
            Thread.sleep(DOWN_FOR.toMillis());
            // alerts come in bursts as windows close, and a quiet machine's job may publish none in DOWN_FOR: stay
            // down until one is published, so the restart is always tested against alerts the dashboard missed
            long deadline = System.nanoTime() + ALERT_WAIT.toNanos();
            while (sum(ctx.endOffsets(Topics.ALERT_EVENTS)) == sum(alertsAtKill) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            dashboard.start();
            long publishedWhileDown = sum(ctx.endOffsets(Topics.ALERT_EVENTS)) - sum(alertsAtKill);
            ctx.say("dashboard started again; " + publishedWhileDown + " alert records published while it was down");
            input.await();
            ctx.awaitConsumed(jobs.vitalsId(), jobs.vitalsGroup(), DrillContext.INPUT_TOPICS);

            Set<String> expected = visibleAlerts(ctx, from);
            try {
                Await.until("every screen to receive every alert", DELIVERY_TIMEOUT,
                        () -> screens.stream().allMatch(s -> s.received().containsAll(expected)));
            } catch (IllegalStateException timedOut) {
                ctx.say(timedOut.getMessage());
            }
            List<Check> checks = new ArrayList<>();
            checks.add(new Check("the dashboard was down while alerts were published", publishedWhileDown > 0,
                    publishedWhileDown + " alert records on " + Topics.ALERT_EVENTS + " between the kill and the "
                            + "restart"));
            long resumed = screens.stream().filter(s -> s.resumedFrames.get() > 0).count();
            checks.add(new Check("every screen resumed from its cursor (no resync snapshot)",
                    resumed == CLIENTS && screens.stream().allMatch(s -> s.resyncs.get() == 0),
                    resumed + " of " + CLIENTS + " resumed; resync snapshots: "
                            + screens.stream().mapToInt(s -> s.resyncs.get()).sum()));
            List<String> missed = new ArrayList<>();
            long duplicates = 0;
            for (Screen s : screens) {
                Set<String> lacking = new TreeSet<>(expected);
                lacking.removeAll(s.received());
                if (!lacking.isEmpty()) {
                    missed.add("screen " + screens.indexOf(s) + " missed " + lacking.size() + " (first "
                            + lacking.iterator().next() + ")");
                }
                duplicates += s.alerts.size() - s.received().size();
            }
            checks.add(new Check("zero missed alerts at every screen", !expected.isEmpty() && missed.isEmpty(),
                    missed.isEmpty() ? expected.size() + " live operations alert transitions reached all " + CLIENTS
                            + " screens" : String.join("; ", missed)));
            checks.add(new Check("no alert delivered twice to a screen", duplicates == 0,
                    duplicates + " repeated deliveries"));
            return checks;
        } finally {
            screens.forEach(Screen::close);
            dashboard.kill();
            ctx.cancel(jobs.vitalsId());
            ctx.cancel(jobs.loaderId());
        }
    }

    /** Per partition of the alert topic, the first offset no screen had been sent before the input started. */
    private static Map<TopicPartition, Long> firstUnseen(List<Screen> screens) {
        Map<TopicPartition, Long> from = new HashMap<>();
        for (Screen s : screens) {
            s.firstCursor.offsets().forEach((streamPartition, offset) -> {
                if (streamPartition.startsWith("a")) {
                    from.merge(new TopicPartition(Topics.ALERT_EVENTS, Integer.parseInt(streamPartition.substring(1))),
                            offset + 1, Math::min);
                }
            });
        }
        return from;
    }

    /** The alert transitions in Kafka since {@code from} that the user's screens must show: live ones of
     *  Shanghai for operations staff. */
    private static Set<String> visibleAlerts(DrillContext ctx, Map<TopicPartition, Long> from) throws Exception {
        Set<String> visible = new TreeSet<>();
        for (String json : ctx.read(Topics.ALERT_EVENTS, from)) {
            AlertEvent a = SignalCodec.fromJson(json, AlertEvent.class);
            if (a.origin() == Origin.LIVE && a.audience() == AlertAudience.OPERATIONS
                    && CityProfiles.ofArea(a.district()).code().equals(CityProfiles.shanghai().code())) {
                visible.add(a.alertId() + "#" + a.version());
            }
        }
        return visible;
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The dashboard server as its own process, started with the same token secret each time. */
    private static final class Dashboard {
        private final DrillContext ctx;
        private final Path dir;
        private final HttpClient http = HttpClient.newHttpClient();
        private long pid = -1;

        Dashboard(DrillContext ctx) throws Exception {
            this.ctx = ctx;
            this.dir = ctx.layout.dir().resolve("dashboard");
            Files.createDirectories(dir);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(dir.resolve("jwt-secret"), HexFormat.of().formatHex(secret));
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + ctx.layout.dashboardPort() + "/ws");
        }

        void start() {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", Classpaths.java(), "org.cityvitals.launcher.Main", "dashboard",
                    "--kafka", ctx.layout.kafkaBootstrap(), "--clickhouse", ctx.layout.clickHouseUrl(0),
                    "--database", DrillCommand.DRILL_DB, "--port", String.valueOf(ctx.layout.dashboardPort()),
                    "--demo-accounts", "--jwt-secret-file", dir.resolve("jwt-secret").toString()));
            pid = new ChildProcess("dashboard", command, dir, dir.resolve("dashboard.log")).start();
            Await.until("the dashboard to be ready", Duration.ofSeconds(90), () -> status("/ready") == 200,
                    () -> "its log is " + dir.resolve("dashboard.log"));
        }

        void kill() {
            if (pid > 0) {
                ChildProcess.kill(pid);
            }
        }

        String login() throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", USER)
                            .put("password", USER).encode())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("login as " + USER + " failed: " + r.statusCode() + " " + r.body());
            }
            return new JsonObject(r.body()).getString("token");
        }

        private String base() {
            return "http://127.0.0.1:" + ctx.layout.dashboardPort();
        }

        private int status(String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                return -1;
            }
        }
    }

    /**
     * One screen: keeps the last cursor, records every alert transition, and on a lost connection reconnects every
     * second with that cursor, as the page does.
     */
    private static final class Screen implements WebSocket.Listener {
        private final URI uri;
        private final String token;
        private final HttpClient http = HttpClient.newHttpClient();
        final List<String> alerts = new CopyOnWriteArrayList<>();
        final AtomicInteger resumedFrames = new AtomicInteger();
        final AtomicInteger resyncs = new AtomicInteger();
        volatile Cursor firstCursor;
        private volatile String cursor;
        private volatile boolean closed;
        private volatile WebSocket socket;
        private final StringBuilder partial = new StringBuilder();

        Screen(URI uri, String token) {
            this.uri = uri;
            this.token = token;
            connect();
        }

        Set<String> received() {
            return Set.copyOf(alerts);
        }

        private void connect() {
            if (closed) {
                return;
            }
            http.newWebSocketBuilder().buildAsync(uri, this).whenComplete((ws, error) -> {
                if (error != null) {
                    retryLater();
                }
            });
        }

        /**
         * The socket is known from here, before any close can be reported for it: a server that is still starting
         * closes a new socket at once (1013, try later), and that close may arrive before the connect future
         * completes — taking the socket only then, the screen ignored the close and never reconnected.
         */
        @Override
        public synchronized void onOpen(WebSocket ws) {
            socket = ws;
            JsonObject auth = new JsonObject().put("type", "auth").put("token", token);
            if (cursor != null) {
                auth.put("resume", cursor);
            }
            ws.sendText(auth.encode(), true);
            ws.request(1);
        }

        private void retryLater() {
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(this::connect);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                handle(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void handle(JsonObject frame) {
            String type = frame.getString("type");
            if ("snapshot".equals(type)) {
                if (firstCursor == null) {
                    firstCursor = Cursor.parse(frame.getString("cursor"));
                } else {
                    resyncs.incrementAndGet();
                }
            } else if ("resumed".equals(type)) {
                resumedFrames.incrementAndGet();
            } else if ("alert".equals(type)) {
                JsonObject a = frame.getJsonObject("alert");
                alerts.add(a.getString("alertId") + "#" + a.getInteger("version"));
            }
            if (frame.getString("cursor") != null) {
                cursor = frame.getString("cursor");
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            lost(ws);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lost(ws);
        }

        /** Reconnects once per lost socket, whether the loss was reported as a close or as an error. */
        private synchronized void lost(WebSocket ws) {
            if (socket == ws) {
                socket = null;
                retryLater();
            }
        }

        void close() {
            closed = true;
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
        }
    }
}
