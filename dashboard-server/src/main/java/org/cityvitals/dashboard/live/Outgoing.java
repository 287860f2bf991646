package org.cityvitals.dashboard.live;

import org.cityvitals.dashboard.feed.Position;
import org.cityvitals.indicators.signal.SignalCodec;

/**
 * One message on its way to WebSocket clients, encoded once for all of them. {@code district} is what the scope
 * check looks at (null for messages that concern no area); {@code platformOnly} marks alerts for platform staff.
 * Messages of the alert stream carry their {@code position} and, first in the JSON object, the {@code cursor} a
 * client resumes from; a client that must be given another cursor gets {@link #textWithCursor}, which reuses the
 * encoded body.
 */
public final class Outgoing {

    private final String district;
    private final boolean platformOnly;
    private final Position position;
    private final String body;
    private final String text;

    private Outgoing(String district, boolean platformOnly, Position position, Cursor cursor, Object message) {
        this.district = district;
        this.platformOnly = platformOnly;
        this.position = position;
        this.body = SignalCodec.toJson(message);
        this.text = cursor == null ? body : withCursor(cursor);
    }

    /** A message outside the alert stream (values, health, flood). */
    static Outgoing of(String district, Object message) {
        return new Outgoing(district, false, null, null, message);
    }

    /** A message that tells where the stream stands (heartbeat): carries a cursor, has no position. */
    static Outgoing marked(Cursor cursor, Object message) {
        return new Outgoing(null, false, null, cursor, message);
    }

    /** A record of the alert stream at {@code position}; {@code cursor} is the stream's head after it. */
    static Outgoing sequenced(String district, boolean platformOnly, Position position, Cursor cursor,
                              Object message) {
        return new Outgoing(district, platformOnly, position, cursor, message);
    }

    public String district() {
        return district;
    }

    public boolean platformOnly() {
        return platformOnly;
    }

    /** Null for messages outside the alert stream. */
    public Position position() {
        return position;
    }

    public String text() {
        return text;
    }

    /** The same message carrying {@code cursor} instead. */
    public String textWithCursor(Cursor cursor) {
        return withCursor(cursor);
    }

    private String withCursor(Cursor cursor) {
        return "{\"cursor\":\"" + cursor.encode() + "\"," + body.substring(1);
    }
}
