package org.cityvitals.ingest.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
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
import java.util.concurrent.TimeUnit;

/** Deploys a gateway on a free port and talks to it over real HTTP; plus valid sample items. */
final class GatewayClient implements AutoCloseable {
    static final String KEY = "test-key-1";
    static final List<Sensor> SENSORS = SensorRegistry.shanghai().all();

    final Vertx vertx = Vertx.vertx();
    final IngestGatewayVerticle gateway;
    private final WebClient client;

    GatewayClient(JsonObject config) {
        JsonObject full = new JsonObject().put("port", 0).put("apiKeys", new io.vertx.core.json.JsonArray()
                .add(KEY).add("test-key-2")).put("bodyLimitBytes", 64 * 1024).mergeIn(config);
        gateway = new IngestGatewayVerticle(full);
        await(vertx.deployVerticle(gateway));
        client = WebClient.create(vertx);
    }

    HttpResponse<Buffer> post(String path, byte[] body) {
        return await(client.post(gateway.actualPort(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + KEY).sendBuffer(Buffer.buffer(body)));
    }

    HttpResponse<Buffer> postNdjson(String path, byte[] body) {
        return await(client.post(gateway.actualPort(), "127.0.0.1", path).putHeader("Authorization", "Bearer " + KEY)
                .putHeader("Content-Type", "application/x-ndjson").sendBuffer(Buffer.buffer(body)));
    }

    HttpResponse<Buffer> post(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<Buffer> postWithHeader(String path, String header, String value, String body) {
        var request = client.post(gateway.actualPort(), "127.0.0.1", path);
        if (header != null) request.putHeader(header, value);
        return await(request.sendBuffer(Buffer.buffer(body)));
    }

    String metrics() {
        return await(client.get(gateway.actualPort(), "127.0.0.1", "/metrics").send()).bodyAsString();
    }

    static String validReading(int i) {
        Sensor s = SENSORS.get(i % SENSORS.size());
        return EventCodec.toJson(new Reading(s.id(), s.metric(), 1.0 + i % 7, s.unit(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(i % 600), s.district(), null, null,
                Quality.GOOD));
    }

    static JsonObject json(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject();
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        await(vertx.close());
    }
}
