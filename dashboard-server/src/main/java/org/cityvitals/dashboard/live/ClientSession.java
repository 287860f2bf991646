package org.cityvitals.dashboard.live;

import io.vertx.core.http.ServerWebSocket;
import org.cityvitals.dashboard.auth.DashboardUser;
import org.cityvitals.dashboard.auth.Scope;
import org.cityvitals.dashboard.auth.UserDirectory;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One authenticated WebSocket client. Every message passes the scope check when queued and again as it is written,
 * against the user's scope in the directory. (The users file is read at start, so a reassignment takes effect at
 * the next restart; the per-message check is what makes it take effect everywhere then.)
 * Writes stop while Vert.x reports the socket's write queue full and resume on drain; meanwhile the
 * {@link OutboundQueue} coalesces values, and a client that falls too far behind on alerts is disconnected.
 */
final class ClientSession {

    /** Close code for a client that could not keep up with alerts (RFC 6455 "try again later"). */
    static final short TOO_SLOW = 1013;
    /** Close code when the user no longer exists. */
    static final short NO_LONGER_AUTHORISED = 4403;
    /** Close code when the login token of an open session has expired (the same as for a bad token). */
    static final short TOKEN_EXPIRED = LiveHub.UNAUTHORISED;

    private final ServerWebSocket socket;
    private final String username;
    private final UserDirectory users;
    private final OutboundQueue queue;
    private final Runnable onSent;
    private final BiConsumer<ClientSession, Short> onClose;
    private boolean closed;
    private AlarmFlood.State floodSent;
    private final Instant tokenExpiresAt;

    /**
     * @param onClose told once, with the close code, when the server ends the session; the client's own close
     *                arrives through the socket's close handler instead
     */
    ClientSession(ServerWebSocket socket, String username, UserDirectory users, Instant tokenExpiresAt,
                  int maxPendingAlerts, Runnable onSent, BiConsumer<ClientSession, Short> onClose) {
        this.socket = socket;
        this.username = username;
        this.users = users;
        this.tokenExpiresAt = tokenExpiresAt;
        this.queue = new OutboundQueue(maxPendingAlerts);
        this.onSent = onSent;
        this.onClose = onClose;
        socket.drainHandler(v -> flush());
    }

    void offerValue(String key, Outgoing value) {
        if (!closed && inScope(value)) {
            queue.offerValue(key, value);
            flush();
        }
    }

    void offerAlert(Outgoing alert) {
        if (closed || !inScope(alert)) {
            return; // other districts' alerts must not count towards this screen's backlog
        }
        if (!queue.offerAlert(alert)) {
            close(TOO_SLOW, "too slow for the alert stream; reconnect for a fresh snapshot");
            return;
        }
        flush();
    }

    /** Queues the flood state of this session's scope when it differs from the one last offered. */
    void offerFlood(AlarmFlood.State flood) {
        if (!closed && !flood.equals(floodSent)) {
            floodSent = flood;
            queue.offerValue("flood", WireMessages.flood(flood));
            flush();
        }
    }

    /** The user's scope as the directory has it now; empty when the user no longer exists. */
    Optional<Scope> scope() {
        return users.find(username).map(DashboardUser::scope);
    }

    void offerHeartbeat(Outgoing beat) {
        if (!closed) {
            queue.offerHeartbeat(beat);
            flush();
        }
    }

    /**
     * Writes a message that is already filtered for this user (the snapshot), ahead of anything queued;
     * {@code flood} is the flood state it carries.
     */
    void sendNow(String json, AlarmFlood.State flood) {
        floodSent = flood;
        socket.writeTextMessage(json);
        onSent.run();
    }

    /** Ends the session when its login token has expired; true when it did. */
    boolean expireIfPast(Instant now) {
        if (!closed && now.isAfter(tokenExpiresAt)) {
            close(TOKEN_EXPIRED, "login token expired; log in again");
            return true;
        }
        return closed;
    }

    /** Checked when queued and again when written: scope may change in between. */
    private boolean inScope(Outgoing message) {
        return message.district() == null || scope().map(s -> s.allows(message.district())).orElse(true);
    }

    private void flush() {
        while (!closed && !socket.writeQueueFull() && !queue.isEmpty()) {
            Optional<Scope> scope = scope();
            if (scope.isEmpty()) {
                close(NO_LONGER_AUTHORISED, "user no longer exists");
                return;
            }
            Outgoing next = queue.poll();
            if (next.district() == null || scope.get().allows(next.district())) {
                socket.writeTextMessage(next.json());
                onSent.run();
            }
        }
    }

    /**
     * Ends the session at once: the close handshake with a client that does not read can take Vert.x's closing
     * timeout, and until then nothing more may be queued for it.
     */
    private void close(short code, String reason) {
        closed = true;
        socket.close(code, reason);
        onClose.accept(this, code);
    }
}
