package org.cityvitals.launcher.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.ingest.gateway.IngestGatewayVerticle;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * {@code drill gateway-malformed}: the HTTP ingest gateway, publishing into the cluster's Kafka, receives 100,000
 * items, most of them damaged in one of ten ways, in NDJSON requests of 1,000 with {@code ?partial=true}. It must not
 * fail a request, must account for every item (accepted + rejected = sent), give each rejected item a reason, and
 * publish exactly the accepted items to {@code cv.readings} and a dead letter for each rejected one.
 */
final class GatewayDrill {

    static final int ITEMS = 100_000;
    /** Small enough that a response lists every error (the gateway lists up to 1,000 per response). */
    private static final int PER_REQUEST = 200;
    private static final String KEY = "drill-key";

    /** Ways to damage a valid reading's JSON line; the first leaves it whole. */
    private static final List<UnaryOperator<String>> DAMAGE = List.of(
            s -> s,
            s -> s.substring(0, s.length() / 2),
            s -> "x" + s.hashCode() + "}{",
            s -> s.replaceFirst("\"value\":([^,]+)", "\"value\":\"$1\""),
            s -> s.replaceFirst("\"value\":[^,]+", "\"value\":NaN"),
            s -> s.replaceFirst("\"observedAt\":\"[^\"]+\"", "\"observedAt\":\"2999-01-01T00:00:00Z\""),
            s -> s.replaceFirst("\"sensorId\":\"[^\"]+\"", "\"sensorId\":\"no-such-sensor\""),
            s -> s.replaceFirst("\"unit\":\"[^\"]*\",", ""),
            s -> "{}",
            s -> "42",
            s -> s.replaceFirst("\\{", "{\"extra\":true,"));

    private GatewayDrill() {}

    static List<Check> run(DrillContext ctx) throws Exception {
        long readingsBefore = ctx.records(Topics.READINGS);
        var deadBefore = ctx.endOffsets(Topics.DEAD_LETTERS);
        Vertx vertx = Vertx.vertx();
        try {
            IngestGatewayVerticle gateway = new IngestGatewayVerticle(new JsonObject().put("port", 0)
                    .put("bootstrapServers", ctx.layout.kafkaBootstrap()).put("apiKeys", new JsonArray().add(KEY)));
            vertx.deployVerticle(gateway).await(60, TimeUnit.SECONDS);
            URI uri = URI.create("http://127.0.0.1:" + gateway.actualPort() + "/ingest/readings?partial=true");
            HttpClient http = HttpClient.newHttpClient();
            List<Sensor> sensors = SensorRegistry.shanghai().all();
            Random random = new Random(20261201);
            long accepted = 0;
            long rejected = 0;
            long rejectedWithReason = 0;
            List<String> failures = new ArrayList<>();
            for (int first = 0; first < ITEMS; first += PER_REQUEST) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                for (int i = first; i < first + PER_REQUEST; i++) {
                    String line = DAMAGE.get(random.nextInt(DAMAGE.size())).apply(validReading(sensors, i));
                    body.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                    body.write('\n');
                }
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("X-Api-Key", KEY).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 202) {
                    failures.add("items " + first + "…: HTTP " + r.statusCode());
                    continue;
                }
                JsonObject json = new JsonObject(r.body());
                accepted += json.getLong("accepted");
                rejected += json.getLong("rejected");
                Set<Integer> linesWithReason = new HashSet<>();
                JsonArray errors = json.getJsonArray("errors");
                for (int e = 0; e < errors.size(); e++) {
                    JsonObject error = errors.getJsonObject(e);
                    if (!error.getString("reason", "").isBlank() && error.getInteger("line") != null) {
                        linesWithReason.add(error.getInteger("line"));
                    }
                }
                rejectedWithReason += linesWithReason.size();
            }
            ctx.say("sent " + ITEMS + ": " + accepted + " accepted, " + rejected + " rejected");
            long acceptedCount = accepted;
            long rejectedCount = rejected;
            org.cityvitals.stack.cluster.Await.until("dead letters and readings to reach Kafka",
                    Duration.ofSeconds(60), () -> {
                        try {
                            return ctx.records(Topics.DEAD_LETTERS) - sum(deadBefore) >= rejectedCount
                                    && ctx.records(Topics.READINGS) - readingsBefore >= acceptedCount;
                        } catch (Exception e) {
                            return false;
                        }
                    });
            List<JsonObject> deadLetters = ctx.read(Topics.DEAD_LETTERS, deadBefore).stream().map(JsonObject::new)
                    .toList();
            long explained = deadLetters.stream().filter(d -> d.getString("source", "").startsWith("gateway")
                    && !d.getString("reason", "").isBlank() && !d.getString("detail", "").isBlank()).count();
            long readings = ctx.records(Topics.READINGS) - readingsBefore;
            return List.of(
                    new Check("every request was answered 202", failures.isEmpty(), failures.isEmpty()
                            ? ITEMS / PER_REQUEST + " requests" : String.join("; ", failures)),
                    new Check("accepted + rejected = sent", accepted + rejected == ITEMS,
                            accepted + " + " + rejected + " = " + (accepted + rejected) + " of " + ITEMS),
                    new Check("each rejected item has a reason in the response", rejectedWithReason == rejected,
                            rejectedWithReason + " of " + rejected + " with a reason and a line"),
                    new Check("the accepted items, and only they, reached " + Topics.READINGS, readings == accepted,
                            readings + " records"),
                    new Check("each rejected item is a dead letter on " + Topics.DEAD_LETTERS + " with its reason",
                            deadLetters.size() == rejected && explained == rejected, deadLetters.size() + " records, "
                            + explained + " from the gateway with a reason and a detail"));
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static long sum(java.util.Map<?, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String validReading(List<Sensor> sensors, int i) {
        Sensor s = sensors.get(i % sensors.size());
        return EventCodec.toJson(new Reading(s.id(), s.metric(), 1.0 + i % 7, s.unit(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(i % 600), s.district(), null, null,
                Quality.GOOD));
    }
}
