package org.cityvitals.ingest.gateway;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;

import java.util.HashMap;
import java.util.Map;

/**
 * Closes connections beyond a cap on all connections and a cap per client address, so that one client cannot take
 * every socket. Runs on the server's event loop (one gateway instance), hence no locking.
 */
final class ConnectionLimits implements Handler<HttpConnection> {
    private final int max;
    private final int maxPerAddress;
    private final IngestMetrics metrics;
    private final Map<String, Integer> byAddress = new HashMap<>();
    private int open;

    ConnectionLimits(int max, int maxPerAddress, IngestMetrics metrics) {
        this.max = max;
        this.maxPerAddress = maxPerAddress;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpConnection connection) {
        String address = connection.remoteAddress() == null ? "?" : connection.remoteAddress().hostAddress();
        int fromAddress = byAddress.getOrDefault(address, 0);
        if (open >= max || fromAddress >= maxPerAddress) {
            metrics.connectionRefused(open >= max ? "total" : "per_address");
            connection.close();
            return;
        }
        open++;
        byAddress.put(address, fromAddress + 1);
        connection.closeHandler(closed -> {
            open--;
            byAddress.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
        });
    }
}
