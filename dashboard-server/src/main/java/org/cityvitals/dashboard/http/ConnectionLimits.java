package org.cityvitals.dashboard.http;

import io.vertx.core.http.HttpConnection;

import java.util.HashMap;
import java.util.Map;

/**
 * Caps on open connections, in total and per client address, so that one client (or a few) cannot take every file
 * descriptor. A connection past a cap is closed as soon as it opens. Confined to the server's event loop.
 */
final class ConnectionLimits {

    private final int maxTotal;
    private final int maxPerAddress;
    private final Map<String, Integer> perAddress = new HashMap<>();
    private int total;

    ConnectionLimits(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    void accept(HttpConnection connection) {
        String address = connection.remoteAddress().hostAddress();
        if (total >= maxTotal || perAddress.getOrDefault(address, 0) >= maxPerAddress) {
            connection.close();
            return;
        }
        total++;
        perAddress.merge(address, 1, Integer::sum);
        connection.closeHandler(v -> {
            total--;
            perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
        });
    }
}
