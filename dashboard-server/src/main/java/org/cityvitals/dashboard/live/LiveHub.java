package org.cityvitals.dashboard.live;

import io.micrometer.core.instrument.Counter;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.auth.DashboardUser;
import org.cityvitals.dashboard.auth.Scope;
import org.cityvitals.dashboard.feed.SignalBus;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.store.alert.AlertAction;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The live view: holds the latest value per (indicator, district) and the open alerts, and pushes every change to
 * the WebSocket clients entitled to it. Runs on the event loop of the verticle that creates it.
 *
 * <p>A client authenticates with {@code /ws?token=JWT} or with a first message {@code {"type":"auth","token":…}}
 * (which keeps the token out of access logs), then receives a snapshot of its scope, live updates, and a heartbeat
 * every second, so a screen can tell a quiet city from a dead connection.
 */
public final class LiveHub {

    /** Close code for a missing, invalid or expired token. */
    public static final short UNAUTHORISED = 4401;
    static final long HEARTBEAT_MS = 1000;
    static final long AUTH_TIMEOUT_MS = 5000;
    static final int MAX_PENDING_ALERTS = 1000;

    private final Vertx vertx;
    private final Authenticator auth;
    private final NewestByKey<IndicatorValue> latest = NewestByKey.indicatorValues();
    private final NewestByKey<HealthScoreValue> health = NewestByKey.healthScores();
    private final OpenAlerts open = new OpenAlerts();
    private final AlarmFlood flood = new AlarmFlood();
    private final Set<ClientSession> sessions = new LinkedHashSet<>();
    private final Counter sent;
    private final Counter tooSlow;

    public LiveHub(Vertx vertx, Authenticator auth, MeterRegistry meters) {
        this.vertx = vertx;
        this.auth = auth;
        this.sent = meters.counter("cityvitals.dashboard.ws.messages");
        this.tooSlow = meters.counter("cityvitals.dashboard.ws.slow_disconnects");
        meters.gauge("cityvitals.dashboard.ws.sessions", sessions, Set::size);
    }

    /** Subscribes to the feeds and starts the heartbeat; undeploying the verticle releases both. */
    public void start() {
        vertx.eventBus().<IndicatorValue>localConsumer(SignalBus.INDICATORS, m -> onIndicator(m.body()));
        vertx.eventBus().<HealthScoreValue>localConsumer(SignalBus.HEALTH, m -> onHealth(m.body()));
        vertx.eventBus().<AlertEvent>localConsumer(SignalBus.ALERTS, m -> onAlert(m.body()));
        vertx.eventBus().<AlertAction>localConsumer(SignalBus.ALERT_ACTIONS, m -> onAction(m.body()));
        // the flood state is refreshed with the heartbeat: at most once a second however many alerts arrive, and
        // it also notices openings leaving the window
        vertx.setPeriodic(HEARTBEAT_MS, id -> {
            Outgoing beat = WireMessages.heartbeat();
            Instant now = Instant.now();
            for (ClientSession s : List.copyOf(sessions)) {
                if (s.expireIfPast(now)) {
                    continue;
                }
                s.scope().ifPresent(scope -> s.offerFlood(flood.state(scope, now)));
                s.offerHeartbeat(beat);
            }
        });
    }

    private void onIndicator(IndicatorValue value) {
        if (latest.apply(value)) {
            Outgoing message = WireMessages.indicator(value);
            String key = NewestByKey.key(value);
            // copies: a session that fails a check is closed and may leave the set
            List.copyOf(sessions).forEach(s -> s.offerValue(key, message));
        }
    }

    private void onHealth(HealthScoreValue score) {
        if (health.apply(score)) {
            Outgoing message = WireMessages.health(score);
            // coalesced like values, under a key no indicator id can produce
            List.copyOf(sessions).forEach(s -> s.offerValue("health|" + score.district(), message));
        }
    }

    private void onAlert(AlertEvent alert) {
        if (open.apply(alert)) {
            flood.observe(alert);
            Outgoing message = WireMessages.alert(alert);
            List.copyOf(sessions).forEach(s -> s.offerAlert(message));
        }
    }

    /** Pushed like an alert (never coalesced or dropped), so every open screen shows it at once. */
    private void onAction(AlertAction action) {
        Outgoing message = WireMessages.alertAction(action, open.applyAction(action).orElse(null));
        List.copyOf(sessions).forEach(s -> s.offerAlert(message));
    }

    public List<IndicatorValue> latest(Scope scope) {
        return latest.all().stream().filter(v -> scope.allows(v.district())).toList();
    }

    public List<HealthScoreValue> health(Scope scope) {
        return health.all().stream().filter(h -> scope.allows(h.district())).toList();
    }

    public List<AlertEvent> openAlerts(Scope scope) {
        return open.all().stream().filter(a -> scope.allows(a.district())).toList();
    }

    public Optional<AlertEvent> openAlert(String alertId) {
        return open.find(alertId);
    }

    public List<AlertHandling> handling(Scope scope) {
        return open.handling().stream().filter(h -> scope.allows(h.district())).toList();
    }

    public AlarmFlood.State flood(Scope scope) {
        return flood.state(scope, Instant.now());
    }

    /** Takes over a socket on {@code /ws}: authenticate, snapshot, then live. */
    public void accept(ServerWebSocket socket) {
        String token = tokenFromQuery(socket);
        if (token != null) {
            authenticate(socket, token);
            return;
        }
        long timeout = vertx.setTimer(AUTH_TIMEOUT_MS, id -> socket.close(UNAUTHORISED, "no auth message in time"));
        socket.textMessageHandler(text -> {
            vertx.cancelTimer(timeout);
            socket.textMessageHandler(null);
            authenticate(socket, tokenFromMessage(text));
        });
    }

    private static String tokenFromQuery(ServerWebSocket socket) {
        String query = socket.query();
        if (query == null) {
            return null;
        }
        List<String> tokens = new QueryStringDecoder(query, false).parameters().get("token");
        return tokens == null ? null : tokens.get(0);
    }

    private static String tokenFromMessage(String text) {
        try {
            JsonObject message = new JsonObject(text);
            return "auth".equals(message.getString("type")) ? message.getString("token") : null;
        } catch (DecodeException e) {
            return null;
        }
    }

    private void authenticate(ServerWebSocket socket, String token) {
        if (token == null) {
            socket.close(UNAUTHORISED, "send {\"type\":\"auth\",\"token\":…} first");
            return;
        }
        auth.verifyUntil(token).onComplete(verified -> {
            if (verified.failed()) {
                socket.close(UNAUTHORISED, "invalid or expired token");
            } else if (!socket.isClosed()) {
                open(socket, verified.result().user(), verified.result().expiresAt());
            }
        });
    }

    private void open(ServerWebSocket socket, DashboardUser user, Instant tokenExpiresAt) {
        ClientSession session = new ClientSession(socket, user.username(), auth.users(), tokenExpiresAt,
                MAX_PENDING_ALERTS, sent::increment, this::closedByServer);
        Scope scope = user.scope();
        AlarmFlood.State floodNow = flood(scope);
        session.sendNow(WireMessages.snapshot(user.username(), latest(scope), health(scope), openAlerts(scope),
                handling(scope), floodNow), floodNow);
        sessions.add(session);
        socket.closeHandler(v -> sessions.remove(session));
    }

    private void closedByServer(ClientSession session, short code) {
        sessions.remove(session);
        if (code == ClientSession.TOO_SLOW) {
            tooSlow.increment();
        }
    }
}
