package org.cityvitals.dashboard.live;

import io.vertx.core.http.ServerWebSocket;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.access.PlatformUser;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One authenticated WebSocket client. The hub offers it only what its audience may see; the session writes it at
 * once while nothing is queued and Vert.x reports room in the socket's write queue, queues it otherwise
 * ({@link OutboundQueue}) and resumes on drain. It
 * keeps the cursor of what it has been given, so nothing of the alert stream reaches it twice, even when it resumed
 * from a cursor that is ahead of this instance (another instance served it before): until this instance catches up,
 * the cursors it sends are merged with the client's own so that they never move back.
 */
final class ClientSession {

    /** Close code for a client that could not keep up with the alert stream (RFC 6455 "try again later"). */
    static final short TOO_SLOW = 1013;
    /** Close code when the login token has expired or was revoked (the same as for a bad token). */
    static final short UNAUTHORISED = 4401;
    /**
     * Close code when an admin changed the user's role, scope, clearance or duty: the screen reconnects with a fresh
     * snapshot (no resume: what it holds was cut to the old access).
     */
    static final short ACCESS_CHANGED = 4409;

    private final ServerWebSocket socket;
    private final Authenticator.Verified login;
    private final OutboundQueue queue;
    private final PushMeters meters;
    private final BiConsumer<ClientSession, Short> onClose;
    private final SensitiveReads sensitiveReads;
    private boolean sensitiveReported;
    private Cursor given;
    private Cursor aheadOf;
    private boolean closed;
    private AlarmFlood.State floodSent;

    /**
     * @param login   the user and the token the socket was opened with
     * @param given   the cursor the client holds: its resume point, or the snapshot's
     * @param head    the alert log's head now
     * @param onClose told once, with the close code, when the server ends the session; the client's own close
     *                arrives through the socket's close handler instead
     */
    ClientSession(ServerWebSocket socket, Authenticator.Verified login, Cursor given, Cursor head, int maxOrdered,
                  PushMeters meters, BiConsumer<ClientSession, Short> onClose, SensitiveReads sensitiveReads) {
        this.socket = socket;
        this.login = login;
        this.given = given;
        this.aheadOf = given.isAtMost(head) ? null : given;
        this.queue = new OutboundQueue(maxOrdered);
        this.meters = meters;
        this.onClose = onClose;
        this.sensitiveReads = sensitiveReads;
        socket.drainHandler(v -> flush());
    }

    PlatformUser user() {
        return login.user();
    }

    String tokenId() {
        return login.tokenId();
    }

    void offerState(String key, Outgoing value) {
        if (!closed) {
            queueState(key, value);
            flush();
        }
    }

    /** Offers the state frames of one fan-out, in order. */
    void offerStates(List<PendingState.Keyed> values) {
        if (!closed) {
            flush(); // what is still queued goes first
            values.forEach(v -> queueState(v.key(), v.message()));
        }
    }

    /**
     * Writes a state frame at once when nothing is queued and the socket has room (most screens, most of the time:
     * the per-client queue is for a client that fell behind), and queues it otherwise.
     */
    private void queueState(String key, Outgoing value) {
        if (queue.isEmpty() && writable()) {
            write(value.text());
        } else if (closed) {
            return;
        } else if (queue.offerState(key, value)) {
            meters.coalesced();
        }
        given(value.dataClass(), value.district());
    }

    /**
     * Notes that this connection was given data of {@code dataClass} about {@code district} (null: no area); the
     * first sensitive data of the connection is reported, later data is not.
     */
    void given(Clearance dataClass, String district) {
        if (dataClass == Clearance.SENSITIVE && !sensitiveReported) {
            sensitiveReported = true;
            sensitiveReads.firstOnConnection(user().username(), "live socket: first sensitive data on this connection"
                    + (district == null ? "" : ", about area " + district));
        }
    }

    /** Queues a record of the alert stream unless this client already has it; {@code head} is the log's head. */
    void offerSequenced(Outgoing entry, Cursor head) {
        if (closed || !given.isBefore(entry.position())) {
            return;
        }
        given = given.after(entry.position());
        String own = stillAhead(head) ? entry.textWithCursor(given.max(head)) : null;
        if (!queue.offerOrdered(entry, own)) {
            close(TOO_SLOW, "too slow for the alert stream; reconnect and resume from your last cursor");
            return;
        }
        given(entry.dataClass(), entry.district());
        flush();
    }

    void offerHeartbeat(Outgoing beat, Cursor head) {
        if (!closed) {
            if (queue.offerHeartbeat(beat, stillAhead(head) ? beat.textWithCursor(given.max(head)) : null)) {
                meters.heartbeatReplaced();
            }
            flush();
        }
    }

    /** Queues the flood state of this session's audience when it differs from the one last offered. */
    void offerFlood(AlarmFlood.State flood, Outgoing message) {
        if (!closed && !Objects.equals(flood, floodSent)) {
            floodSent = flood;
            offerState("flood", message);
        }
    }

    /** Writes a message already cut to this user (snapshot, resume), ahead of anything queued. */
    void sendNow(String text, AlarmFlood.State flood) {
        floodSent = flood;
        if (socket.isClosed()) {
            closed = true;
            return;
        }
        write(text);
    }

    /** Ends the session when its login token has expired; true when it is over. */
    boolean expireIfPast(Instant now) {
        if (!closed && now.isAfter(login.expiresAt())) {
            close(UNAUTHORISED, "login token expired; log in again");
        }
        return closed;
    }

    /** Ends the session because its token was revoked (logout). */
    void revoke() {
        close(UNAUTHORISED, "logged out");
    }

    /**
     * Ends the session when the user's account no longer gives the access it was opened with: removed (a login is
     * needed), or changed in role, scope, clearance or duty (a fresh snapshot is). True when it is over.
     */
    boolean endIfAccessChanged(Optional<PlatformUser> current) {
        if (closed) {
            return true;
        }
        if (current.isEmpty()) {
            close(UNAUTHORISED, "your account was removed");
        } else if (!sameAccess(current.get())) {
            close(ACCESS_CHANGED, "your access was changed by an admin; reconnect for a fresh snapshot");
        }
        return closed;
    }

    private boolean sameAccess(PlatformUser current) {
        PlatformUser opened = user();
        return current.role() == opened.role() && current.scope().equals(opened.scope())
                && current.clearance() == opened.clearance() && current.duty().equals(opened.duty());
    }

    private boolean stillAhead(Cursor head) {
        if (aheadOf != null && aheadOf.isAtMost(head)) {
            aheadOf = null;
        }
        return aheadOf != null;
    }

    private void flush() {
        while (writable()) {
            String next = queue.poll();
            if (next == null) {
                return;
            }
            write(next);
        }
    }

    private boolean writable() {
        if (!closed && socket.isClosed()) {
            closed = true; // the client went away; its close handler is on its way
        }
        return !closed && !socket.writeQueueFull();
    }

    private void write(String text) {
        socket.writeTextMessage(text);
        meters.sent();
    }

    /**
     * Ends the session at once: the close handshake with a client that does not read can take Vert.x's closing
     * timeout, and until then nothing more may be queued for it.
     */
    private void close(short code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        socket.close(code, reason);
        onClose.accept(this, code);
    }
}
