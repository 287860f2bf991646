package org.cityvitals.ingest.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Settings of {@link IngestGatewayVerticle}, read from its deployment JSON:
 * <ul>
 *   <li>{@code port} (default 8081; 0 picks a free port), {@code host} (default 127.0.0.1)</li>
 *   <li>{@code bootstrapServers} (default 127.0.0.1:9092)</li>
 *   <li>{@code apiKeys}: array of accepted keys; required and non-empty, as the gateway never runs open</li>
 *   <li>{@code bodyLimitBytes} (default 1 MiB): larger bodies get 413</li>
 *   <li>{@code kafkaTimeoutMs} (default 10000): how long a publish may take before the answer is 503</li>
 *   <li>{@code retryAfterSeconds} (default 5): the Retry-After of a 503</li>
 * </ul>
 */
record GatewayConfig(String host, int port, String bootstrapServers, List<String> apiKeys, long bodyLimitBytes,
                     int kafkaTimeoutMs, int retryAfterSeconds) {

    static GatewayConfig from(JsonObject json) {
        JsonArray keys = json.getJsonArray("apiKeys", new JsonArray());
        List<String> apiKeys = keys.stream().map(String::valueOf).filter(k -> !k.isBlank()).toList();
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("gateway config: apiKeys must list at least one key");
        }
        GatewayConfig config = new GatewayConfig(json.getString("host", "127.0.0.1"), json.getInteger("port", 8081),
                json.getString("bootstrapServers", "127.0.0.1:9092"), apiKeys,
                json.getLong("bodyLimitBytes", 1024L * 1024), json.getInteger("kafkaTimeoutMs", 10_000),
                json.getInteger("retryAfterSeconds", 5));
        if (config.kafkaTimeoutMs < 1000) {
            throw new IllegalArgumentException("gateway config: kafkaTimeoutMs must be at least 1000");
        }
        return config;
    }
}
