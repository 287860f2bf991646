package org.cityvitals.dashboard.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.feed.Sequenced;
import org.cityvitals.dashboard.feed.SignalBus;
import org.cityvitals.dashboard.feed.StreamStart;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The live view and its WebSocket clients: holds the latest value per (indicator, area), the health scores, the open
 * alerts with their handling, and the recent alert stream ({@link AlertLog}); pushes every change to the clients
 * entitled to it. Runs on the event loop of the verticle that creates it.
 *
 * <p>A client opens {@code /ws} and sends {@code {"type":"auth","token":…}} first (a token in the URL is refused:
 * URLs end up in logs), with {@code "resume": CURSOR} when it reconnects. It then gets a snapshot of its scope (or,
 * when resuming, the latest state followed by exactly the alert-stream frames it missed), live updates, and a
 * heartbeat every second. Clients are grouped by {@link Audience}, so each message is checked and encoded once per
 * audience, not once per screen. Indicator values and health scores wait for the loop to finish what is queued on it
 * and are then written newest per key ({@link PendingState}); alert-stream records, every one, and situations are
 * written as they come. Until the Kafka replay has caught up, sockets are closed with 1013 (try again).
 */
public final class LiveHub {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

    /** Close code for a missing, invalid, expired or revoked token. */
    public static final short UNAUTHORISED = ClientSession.UNAUTHORISED;
    /** Close code while the server is starting, or for a client past its limits: reconnect later. */
    public static final short TRY_LATER = 1013;
    /** Close code for a user who may not see live data. */
    public static final short FORBIDDEN = 4403;
    /** Close code when an admin changed the user's access: reconnect without resuming. */
    public static final short ACCESS_CHANGED = ClientSession.ACCESS_CHANGED;
    static final long HEARTBEAT_MS = 1000;
    static final long AUTH_TIMEOUT_MS = 5000;
    /** How far before a too-old cursor's time the resync looks for changed alerts: Kafka time trails event time. */
    static final Duration RESYNC_MARGIN = Duration.ofHours(1);
    /** The furthest back a resync looks, whatever the cursor says. */
    static final Duration RESYNC_LIMIT = Duration.ofDays(7);

    private final Vertx vertx;
    private final Authenticator auth;
    private final HubSettings settings;
    private final AlertHistory history;
    private final PushMeters meters;
    private final SensitiveReads sensitiveReads;
    private final LiveState state;
    private final Map<Audience, Set<ClientSession>> groups = new LinkedHashMap<>();
    private final Map<String, Integer> socketsPerUser = new HashMap<>();
    private final PendingState pending = new PendingState();
    private boolean ready;
    private long lastHeartbeatNanos = Long.MIN_VALUE;

    public LiveHub(Vertx vertx, Authenticator auth, HubSettings settings, AlertHistory history, PushMeters meters,
                   SensitiveReads sensitiveReads) {
        this.vertx = vertx;
        this.auth = auth;
        this.settings = settings;
        this.history = history;
        this.meters = meters;
        this.sensitiveReads = sensitiveReads;
        this.state = new LiveState(settings.alertLogSize());
        meters.watchSessions(this::sessionCount);
    }

    /** Subscribes to the feeds and starts the heartbeat; undeploying the verticle releases both. */
    public void start() {
        var bus = vertx.eventBus();
        bus.<IndicatorValue>localConsumer(SignalBus.INDICATORS, m -> onIndicator(m.body()));
        bus.<HealthScoreValue>localConsumer(SignalBus.HEALTH, m -> onHealth(m.body()));
        bus.<AlertEvent>localConsumer(SignalBus.STORED_ALERTS, m -> state.applyStored(m.body()));
        bus.<AlertAction>localConsumer(SignalBus.STORED_ACTIONS, m -> state.applyStored(m.body()));
        bus.<Sequenced>localConsumer(SignalBus.ALERT_STREAM, m -> onStream(m.body()));
        bus.<ScreenState>localConsumer(SignalBus.SCREEN_STATE, m -> onScreenState(m.body()));
        bus.<StreamStart>localConsumer(SignalBus.STREAM_START, m -> {
            state.streamStarts(m.body().starts());
            ready = m.body().caughtUp();
        });
        vertx.setPeriodic(HEARTBEAT_MS, id -> heartbeat());
    }

    /** Whether sockets are accepted: the replay has caught up with what Kafka held at start. */
    public boolean ready() {
        return ready;
    }

    public LiveState state() {
        return state;
    }

    private void onIndicator(IndicatorValue value) {
        if (state.latest().apply(value)) {
            coalesce(NewestByKey.key(value), WireMessages.indicator(value));
        }
    }

    private void onHealth(HealthScoreValue score) {
        if (state.health().apply(score)) {
            coalesce("health|" + score.district(), WireMessages.health(score)); // a key no indicator id can produce
        }
    }

    /**
     * Holds a state frame for the next fan-out, which runs once the event loop has done what was already queued on it:
     * at once on an idle loop, and on a loop that is behind after every value that piled up, so that each key is
     * written once with its newest value instead of every stale one. A fixed delay would add its length to every
     * value's lag for the sake of a key changing twice within it, which the demo's minute windows rarely do.
     */
    private void coalesce(String key, Outgoing message) {
        if (pending.isEmpty()) {
            vertx.runOnContext(v -> fanOutPending());
        }
        if (pending.offer(key, message)) {
            meters.valueCoalesced();
        }
    }

    /** Writes the newest state per key to every session whose audience admits it, checked once per audience. */
    private void fanOutPending() {
        List<PendingState.Keyed> batch = pending.take();
        for (Map.Entry<Audience, Set<ClientSession>> group : List.copyOf(groups.entrySet())) {
            List<PendingState.Keyed> admitted = batch.stream().filter(k -> group.getKey().admits(k.message()))
                    .toList();
            if (!admitted.isEmpty()) {
                List.copyOf(group.getValue()).forEach(s -> s.offerStates(admitted));
            }
        }
    }

    private void onScreenState(ScreenState pushed) {
        Outgoing message = Outgoing.of(pushed.district(), pushed.dataClass(), pushed.message());
        forEachAdmitted(message, s -> s.offerState(pushed.key(), message));
        state.risenFrom(pushed).ifPresent(before -> {
            // who was sent the key before and is not cleared for it now: told it is gone, in place of what is pending
            Outgoing withdrawal = Outgoing.of(pushed.district(), before, pushed.withdrawal());
            forEachGroup(audience -> audience.admits(withdrawal) && !audience.admits(message),
                    s -> s.offerState(pushed.key(), withdrawal));
        });
    }

    private void onStream(Sequenced record) {
        Optional<Outgoing> entry = state.append(record);
        if (entry.isEmpty()) {
            return;
        }
        Cursor head = state.log().head();
        forEachAdmitted(entry.get(), s -> s.offerSequenced(entry.get(), head));
        if (record.signal() instanceof AlertEvent alert) {
            meters.alertDelivered(alert.eventTime(), record.position().timeMillis());
        }
    }

    private void forEachAdmitted(Outgoing message, Consumer<ClientSession> action) {
        forEachGroup(audience -> audience.admits(message), action);
    }

    private void forEachGroup(Predicate<Audience> chosen, Consumer<ClientSession> action) {
        // copies: a session that falls too far behind is closed and leaves its group, and an empty group the map
        for (Map.Entry<Audience, Set<ClientSession>> group : List.copyOf(groups.entrySet())) {
            if (chosen.test(group.getKey())) {
                List.copyOf(group.getValue()).forEach(action);
            }
        }
    }

    /**
     * Once a second: the flood state (once per audience), token expiry, access changed by an admin (the user store as
     * this instance last read it), and the heartbeat with the stream's head.
     */
    private void heartbeat() {
        long nanos = System.nanoTime();
        if (lastHeartbeatNanos != Long.MIN_VALUE && nanos - lastHeartbeatNanos < HEARTBEAT_MS * 500_000) {
            // Vert.x periodic timers run at a fixed rate: after a stall (a GC pause, a burst of connections) the
            // missed ticks fire back to back. Screens need one beat a second, not a burst on a loop that is behind.
            meters.heartbeatSkipped();
            return;
        }
        lastHeartbeatNanos = nanos;
        Instant now = Instant.now();
        Cursor head = state.log().head();
        Outgoing beat = WireMessages.heartbeat(head);
        for (Map.Entry<Audience, Set<ClientSession>> group : List.copyOf(groups.entrySet())) {
            AlarmFlood.State flood = state.flood(group.getKey(), now);
            Outgoing floodMessage = WireMessages.flood(flood);
            for (ClientSession s : List.copyOf(group.getValue())) {
                if (!s.expireIfPast(now) && !s.endIfAccessChanged(auth.users().find(s.user().username()))) {
                    s.offerFlood(flood, floodMessage);
                    s.offerHeartbeat(beat, head);
                }
            }
        }
    }

    /** Closes every socket opened with {@code tokenId} (a logout). */
    public void revoke(String tokenId) {
        groups.values().stream().flatMap(Set::stream).filter(s -> s.tokenId().equals(tokenId)).toList()
                .forEach(ClientSession::revoke);
    }

    /** Takes over a socket on {@code /ws}: authenticate with the first message, then snapshot or resume, then live. */
    public void accept(ServerWebSocket socket) {
        if (!ready) {
            socket.close(TRY_LATER, "server starting; reconnect in a moment");
            return;
        }
        if (socket.query() != null && socket.query().contains("token=")) {
            socket.close(UNAUTHORISED, "send the token in the first message, never in the URL");
            return;
        }
        long timeout = vertx.setTimer(AUTH_TIMEOUT_MS, id -> socket.close(UNAUTHORISED, "no auth message in time"));
        socket.textMessageHandler(text -> {
            vertx.cancelTimer(timeout);
            socket.textMessageHandler(null);
            authenticate(socket, text);
        });
    }

    private void authenticate(ServerWebSocket socket, String firstMessage) {
        JsonObject message;
        Cursor resume;
        try {
            message = new JsonObject(firstMessage);
            resume = message.getString("resume") == null ? null : Cursor.parse(message.getString("resume"));
        } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
            socket.close(UNAUTHORISED, "send {\"type\":\"auth\",\"token\":…,\"resume\":CURSOR?} first");
            return;
        }
        String token = "auth".equals(message.getString("type")) ? message.getString("token") : null;
        if (token == null) {
            socket.close(UNAUTHORISED, "send {\"type\":\"auth\",\"token\":…} first");
            return;
        }
        auth.verify(token).onComplete(verified -> {
            if (verified.failed()) {
                socket.close(UNAUTHORISED, "invalid, expired or revoked token");
            } else if (!socket.isClosed()) {
                admit(socket, verified.result(), resume);
            }
        });
    }

    private void admit(ServerWebSocket socket, Authenticator.Verified verified, Cursor resume) {
        PlatformUser user = verified.user();
        if (!user.may(Permission.VIEW_LIVE)) {
            socket.close(FORBIDDEN, "your role may not see live data");
            return;
        }
        if (socketsPerUser.getOrDefault(user.username(), 0) >= settings.maxSocketsPerUser()) {
            socket.close(TRY_LATER, "too many open sockets for " + user.username() + " (at most "
                    + settings.maxSocketsPerUser() + ")");
            return;
        }
        Audience audience = Audience.of(user);
        Optional<List<Outgoing>> missed = resume == null ? Optional.empty() : state.log().after(resume)
                .filter(entries -> entries.size() <= settings.maxQueuedPerClient());
        if (resume == null) {
            meters.connected("fresh");
            open(socket, verified, audience, state.log().head(), snapshot(user, audience, List.of()), List.of());
        } else if (missed.isPresent()) {
            meters.connected("resumed");
            List<Outgoing> admitted = missed.get().stream().filter(audience::admits).toList();
            open(socket, verified, audience, resume, resumed(user, audience, admitted.size()), admitted);
        } else {
            meters.connected("resync");
            LOG.info("{} resumes from {}, which is older than this instance's alert stream ({}): resync",
                    user.username(), resume.encode(), state.log().describe());
            resync(socket, verified, audience, resume);
        }
    }

    /** A resume point older than the log: a fresh snapshot with the full story of every alert changed since. */
    private void resync(ServerWebSocket socket, Authenticator.Verified verified, Audience audience, Cursor resume) {
        Instant now = Instant.now();
        Instant since = Instant.ofEpochMilli(resume.timeMillis()).minus(RESYNC_MARGIN);
        Instant limit = now.minus(RESYNC_LIMIT);
        history.changedSince(since.isBefore(limit) ? limit : since).onComplete(changed -> {
            if (socket.isClosed()) {
                return;
            }
            if (changed.failed()) {
                socket.close(TRY_LATER, "alert history unavailable; reconnect in a moment");
                return;
            }
            List<ChangedAlert> inScope = changed.result().stream()
                    .filter(c -> LiveState.admits(audience, c.transitions().get(c.transitions().size() - 1)))
                    .toList();
            open(socket, verified, audience, state.log().head(), snapshot(verified.user(), audience, inScope),
                    List.of());
        });
    }

    private void open(ServerWebSocket socket, Authenticator.Verified verified, Audience audience,
                              Cursor given, Frame first, List<Outgoing> missed) {
        PlatformUser user = verified.user();
        Cursor head = state.log().head();
        ClientSession session = new ClientSession(socket, verified, given, head, settings.maxQueuedPerClient(),
                meters, this::closedByServer, sensitiveReads);
        session.sendNow(first.text(), first.flood());
        session.given(first.dataClass(), null);
        missed.forEach(entry -> session.offerSequenced(entry, head));
        groups.computeIfAbsent(audience, a -> new LinkedHashSet<>()).add(session);
        socketsPerUser.merge(user.username(), 1, Integer::sum);
        socket.closeHandler(v -> forget(session, audience));
    }

    private void forget(ClientSession session, Audience audience) {
        Set<ClientSession> group = groups.get(audience);
        if (group != null && group.remove(session)) {
            socketsPerUser.computeIfPresent(session.user().username(), (u, n) -> n == 1 ? null : n - 1);
            if (group.isEmpty()) {
                groups.remove(audience);
            }
        }
    }

    private void closedByServer(ClientSession session, short code) {
        forget(session, Audience.of(session.user()));
        if (code == ClientSession.TOO_SLOW) {
            meters.dropped();
        }
    }

    /** The first frame of a session, with the flood state it carries and the highest class of its data. */
    private record Frame(String text, AlarmFlood.State flood, Clearance dataClass) {}

    private Frame snapshot(PlatformUser user, Audience audience, List<ChangedAlert> changed) {
        AlarmFlood.State flood = state.flood(audience, Instant.now());
        List<IndicatorValue> values = state.latest(audience);
        List<AlertEvent> alerts = state.openAlerts(audience);
        List<String> alertIndicators = new ArrayList<>(alerts.stream().map(AlertEvent::indicatorId).toList());
        changed.forEach(c -> alertIndicators.add(c.transitions().get(0).indicatorId()));
        return new Frame(Outgoing.marked(state.log().head(), new WireMessages.Snapshot("snapshot", Instant.now(),
                user.username(), info(user), values, state.health(audience), alerts, state.handling(audience), flood,
                changed)).text(), flood, highestClass(values, alertIndicators));
    }

    private Frame resumed(PlatformUser user, Audience audience, int missed) {
        AlarmFlood.State flood = state.flood(audience, Instant.now());
        List<IndicatorValue> values = state.latest(audience);
        // computed for this audience already: no area or class left to check
        return new Frame(Outgoing.of(null, Clearance.OPEN, new WireMessages.Resumed("resumed", Instant.now(),
                user.username(), info(user), values, state.health(audience), flood, missed)).text(),
                flood, highestClass(values, List.of()));
    }

    /** The highest class among values and alerts on the indicators {@code alertIndicators}: what a frame carries. */
    private static Clearance highestClass(List<IndicatorValue> values, List<String> alertIndicators) {
        Classification classification = Classification.loadDefault();
        Clearance highest = Clearance.OPEN;
        for (IndicatorValue value : values) {
            highest = highest.higher(classification.indicatorClass(value.indicatorId()));
        }
        for (String indicator : alertIndicators) {
            highest = highest.higher(classification.alertClass(indicator));
        }
        return highest;
    }

    private static WireMessages.UserInfo info(PlatformUser user) {
        return new WireMessages.UserInfo(user.username(), user.displayName(),
                WireNames.of(user.role()));
    }

    private int sessionCount() {
        return groups.values().stream().mapToInt(Set::size).sum();
    }

    /** What the hub needs from the alert store when a resume point is too old. */
    public interface AlertHistory {
        /** Every alert with a transition at or after {@code since}, each with all its transitions and actions. */
        Future<List<ChangedAlert>> changedSince(Instant since);
    }
}
