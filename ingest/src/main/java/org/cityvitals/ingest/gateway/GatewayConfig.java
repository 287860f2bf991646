package org.cityvitals.ingest.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cityvitals.indicators.Durations;
import org.cityvitals.indicators.cli.Endpoints;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of {@link IngestGatewayVerticle}, read from its deployment JSON (the {@code gateway} command builds the
 * same JSON from its flags). Keys and defaults:
 * <ul>
 *   <li>{@code port} (8081; 0 picks a free port), {@code host} (127.0.0.1), {@code bootstrapServers} (the demo's)</li>
 *   <li>{@code apiKeys}: required, non-empty. Each entry an object {@code {"id", "key", "sources", "areas"}} (see
 *   {@link ApiKey}) or a bare key string, which may send everything everywhere (the demo's key) and is recorded as
 *   {@code key-1}, {@code key-2} … by position</li>
 *   <li>{@code bodyLimitBytes} (1 MiB) and {@code maxItems} (5,000): larger requests get 413</li>
 *   <li>{@code maxClockSkew} ("5m"): items stamped further ahead of the gateway's clock are rejected</li>
 *   <li>{@code kafkaTimeoutMs} (10,000): how long a publish may take before the answer is 503, with
 *   {@code retryAfterSeconds} (5)</li>
 *   <li>{@code workers} (4): threads that split, validate and hand items to Kafka, off the event loop;
 *   {@code requestsPerKey} (2): requests of one key in the workers at once, beyond which it gets 429, so that
 *   one caller cannot occupy the pool</li>
 *   <li>{@code maxConnections} (1,000), {@code maxConnectionsPerAddress} (50), {@code idleTimeout} ("30s"),
 *   {@code requestTimeout} ("30s")</li>
 * </ul>
 */
record GatewayConfig(String host, int port, String bootstrapServers, List<ApiKey> apiKeys, long bodyLimitBytes,
                     int maxItems, Duration maxClockSkew, int kafkaTimeoutMs, int retryAfterSeconds, int workers,
                     int requestsPerKey, int maxConnections, int maxConnectionsPerAddress, Duration idleTimeout,
                     Duration requestTimeout) {

    static final int DEFAULT_PORT = Endpoints.GATEWAY_PORT;
    static final String DEFAULT_HOST = Endpoints.HOST;
    static final long DEFAULT_BODY_LIMIT = 1024L * 1024;
    static final int DEFAULT_MAX_ITEMS = 5_000;
    static final String DEFAULT_CLOCK_SKEW = "5m";
    static final int DEFAULT_WORKERS = 4;
    static final int DEFAULT_REQUESTS_PER_KEY = 2;
    static final int DEFAULT_MAX_CONNECTIONS = 1_000;
    static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 50;
    static final String DEFAULT_IDLE_TIMEOUT = "30s";
    static final String DEFAULT_REQUEST_TIMEOUT = "30s";

    static GatewayConfig from(JsonObject json) {
        GatewayConfig config = new GatewayConfig(json.getString("host", DEFAULT_HOST),
                json.getInteger("port", DEFAULT_PORT), json.getString("bootstrapServers", Endpoints.KAFKA),
                keys(json.getJsonArray("apiKeys", new JsonArray())),
                json.getLong("bodyLimitBytes", DEFAULT_BODY_LIMIT), json.getInteger("maxItems", DEFAULT_MAX_ITEMS),
                Durations.parse(json.getString("maxClockSkew", DEFAULT_CLOCK_SKEW)),
                json.getInteger("kafkaTimeoutMs", 10_000), json.getInteger("retryAfterSeconds", 5),
                json.getInteger("workers", DEFAULT_WORKERS), json.getInteger("requestsPerKey", DEFAULT_REQUESTS_PER_KEY),
                json.getInteger("maxConnections", DEFAULT_MAX_CONNECTIONS),
                json.getInteger("maxConnectionsPerAddress", DEFAULT_MAX_CONNECTIONS_PER_ADDRESS),
                Durations.parse(json.getString("idleTimeout", DEFAULT_IDLE_TIMEOUT)),
                Durations.parse(json.getString("requestTimeout", DEFAULT_REQUEST_TIMEOUT)));
        if (config.kafkaTimeoutMs < 1000) {
            throw new IllegalArgumentException("gateway config: kafkaTimeoutMs must be at least 1000");
        }
        if (config.maxItems < 1 || config.workers < 1 || config.requestsPerKey < 1 || config.maxConnections < 1
                || config.maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("gateway config: maxItems, workers, requestsPerKey, maxConnections "
                    + "and maxConnectionsPerAddress must be at least 1");
        }
        return config;
    }

    private static List<ApiKey> keys(JsonArray entries) {
        List<ApiKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.getValue(i);
            ApiKey key = entry instanceof JsonObject o ? new ApiKey(o.getString("id"),
                    o.getString("key", "").getBytes(StandardCharsets.UTF_8), strings(o, "sources"), strings(o, "areas"))
                    : ApiKey.unrestricted("key-" + (i + 1), String.valueOf(entry));
            if (!ids.add(key.id())) {
                throw new IllegalArgumentException("gateway config: two API keys have the id '" + key.id() + "'");
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("gateway config: apiKeys must list at least one key");
        }
        return keys;
    }

    private static Set<String> strings(JsonObject o, String field) {
        Set<String> values = new HashSet<>();
        o.getJsonArray(field, new JsonArray()).forEach(v -> values.add(String.valueOf(v)));
        return values;
    }
}
