package org.cityvitals.ingest.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.sensor.SensorRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A gateway deployed on a free port of a test's Vert.x and talked to over real HTTP, every call a future; plus valid
 * sample items. Keys: {@link #KEY} ({@code key-1}) and {@code test-key-2} ({@code key-2}) may do everything;
 * {@link #BEIJING_KEY} ({@code beijing-readings}) may send readings of Beijing only.
 */
final class GatewayClient {
    static final String KEY = "test-key-1";
    static final String BEIJING_KEY = "beijing-key-1";
    static final List<Sensor> SENSORS = SensorRegistry.shanghai().all();

    final IngestGatewayVerticle gateway;
    private final WebClient client;

    private GatewayClient(IngestGatewayVerticle gateway, WebClient client) {
        this.gateway = gateway;
        this.client = client;
    }

    /** Deploys a gateway with the test keys, a 64 KiB body limit and {@code config} on top. */
    static Future<GatewayClient> deploy(Vertx vertx, JsonObject config) {
        JsonObject full = new JsonObject().put("port", 0).put("bodyLimitBytes", 64 * 1024)
                .put("apiKeys", new JsonArray().add(KEY).add("test-key-2").add(new JsonObject()
                        .put("id", "beijing-readings").put("key", BEIJING_KEY)
                        .put("sources", new JsonArray().add("readings")).put("areas", new JsonArray().add("110000"))))
                .mergeIn(config);
        IngestGatewayVerticle gateway = new IngestGatewayVerticle(full);
        return vertx.deployVerticle(gateway).map(id -> new GatewayClient(gateway, WebClient.create(vertx)));
    }

    int port() {
        return gateway.actualPort();
    }

    Future<HttpResponse<Buffer>> post(String path, byte[] body) {
        return send(path, KEY, null, body);
    }

    Future<HttpResponse<Buffer>> post(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    Future<HttpResponse<Buffer>> postNdjson(String path, byte[] body) {
        return send(path, KEY, "application/x-ndjson", body);
    }

    /** With {@code key} as bearer token, or no key at all when null. */
    Future<HttpResponse<Buffer>> postAs(String key, String path, String body) {
        return send(path, key, null, body.getBytes(StandardCharsets.UTF_8));
    }

    Future<HttpResponse<Buffer>> postWithHeader(String path, String header, String value, String body) {
        return client.post(port(), "127.0.0.1", path).putHeader(header, value).sendBuffer(Buffer.buffer(body));
    }

    Future<HttpResponse<Buffer>> get(String path) {
        return client.get(port(), "127.0.0.1", path).send();
    }

    Future<String> metrics() {
        return get("/metrics").map(HttpResponse::bodyAsString);
    }

    private Future<HttpResponse<Buffer>> send(String path, String key, String contentType, byte[] body) {
        HttpRequest<Buffer> request = client.post(port(), "127.0.0.1", path);
        if (key != null) request.putHeader("Authorization", "Bearer " + key);
        if (contentType != null) request.putHeader("Content-Type", contentType);
        return request.sendBuffer(Buffer.buffer(body));
    }

    static String validReading(int i) {
        return reading(SENSORS.get(i % SENSORS.size()), Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds(i % 600), 1.0 + i % 7);
    }

    static String reading(Sensor s, Instant observedAt, double value) {
        return EventCodec.toJson(new Reading(s.id(), s.metric(), value, s.unit(), observedAt, s.district(), null,
                null, Quality.GOOD));
    }
}
