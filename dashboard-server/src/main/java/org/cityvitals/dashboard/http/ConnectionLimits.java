package org.cityvitals.dashboard.http;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;

import java.util.HashMap;
import java.util.Map;

/**
 * Caps on open connections, in total and per client address, so that one client (or a few) cannot take every file
 * descriptor. A connection past a cap is closed as soon as it opens. Vert.x (5.0.7) never reports the close of a
 * connection that was upgraded to a WebSocket on the connection itself, only on the socket, so a connection is let go
 * by whichever of the two closes first; each is counted once, by its remote address and port. Confined to the
 * server's event loop.
 */
final class ConnectionLimits {

    private final int maxTotal;
    private final int maxPerAddress;
    private final Map<String, Integer> perAddress = new HashMap<>();
    /** Client address of each counted connection, by its remote address and port. */
    private final Map<SocketAddress, String> counted = new HashMap<>();

    ConnectionLimits(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    void accept(HttpConnection connection) {
        String address = connection.remoteAddress().hostAddress();
        if (counted.size() >= maxTotal || perAddress.getOrDefault(address, 0) >= maxPerAddress) {
            connection.close();
            return;
        }
        SocketAddress remote = connection.remoteAddress();
        counted.put(remote, address);
        perAddress.merge(address, 1, Integer::sum);
        connection.closeHandler(v -> release(remote));
    }

    /** A connection became {@code socket}: the socket's end is the connection's (its close handler is the hub's). */
    void upgraded(ServerWebSocket socket) {
        SocketAddress remote = socket.remoteAddress();
        socket.endHandler(v -> release(remote));
    }

    private void release(SocketAddress remote) {
        String address = counted.remove(remote);
        if (address != null) {
            perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
        }
    }
}
