package org.cityvitals.dashboard.live;

/**
 * Where the hub reports that a connection was given data of class {@code sensitive} for the first time: the audit
 * log records it once per connection (docs/GOVERNANCE.md), not once per frame, which would make the log as busy as
 * the socket.
 */
@FunctionalInterface
public interface SensitiveReads {

    /** {@code username}'s connection received its first sensitive data; {@code detail} says what, not the data. */
    void firstOnConnection(String username, String detail);
}
