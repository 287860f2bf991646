package org.cityvitals.ingest.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.stack.testing.TopicMark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.ingest.gateway.GatewayClient.validReading;

/**
 * The gateway's HTTP contract against a real broker: 202, 400, partial, 413 (bytes and items), 401, 403 and
 * out-of-scope items, future timestamps, 429, 503, connection caps, security headers, metrics, health, scenarios.
 */
@ExtendWith(VertxExtension.class)
class GatewayIT {
    private static final int MAX_ITEMS = 50;
    private static String kafka;
    private static GatewayClient gateway;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext ctx) {
        kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.DEAD_LETTERS);
        // tests send up to four requests at once with one key
        GatewayClient.deploy(vertx, new JsonObject().put("bootstrapServers", kafka).put("maxItems", MAX_ITEMS)
                        .put("maxConnectionsPerAddress", 20).put("requestsPerKey", 4))
                .onComplete(ctx.succeeding(client -> {
                    gateway = client;
                    ctx.completeNow();
                }));
    }

    @Test
    void validArrayIsPublishedWithTheSendersKeyAndAnswered202(Vertx vertx, VertxTestContext ctx) {
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        String body = IntStream.range(0, 3).mapToObj(GatewayClient::validReading)
                .collect(Collectors.joining(",\n", "[", "]"));

        gateway.post("/ingest/readings", body).compose(response -> records(vertx, readings)
                .map(records -> {
                    ctx.verify(() -> {
                        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
                        assertThat(response.bodyAsJsonObject().getInteger("accepted")).isEqualTo(3);
                        assertThat(records).hasSize(3).allSatisfy(r -> assertThat(new String(
                                r.headers().lastHeader(Topics.SENDER_HEADER).value(), StandardCharsets.UTF_8))
                                .isEqualTo("key-1"));
                    });
                    return records;
                })).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void badNdjsonLinesAreReportedWithLineFieldAndReasonAndNothingIsPublished(Vertx vertx, VertxTestContext ctx) {
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        TopicMark deadLetters = TopicMark.now(kafka, Topics.DEAD_LETTERS);
        String body = validReading(1) + "\n" + validReading(2).replace("\"value\":", "\"value\":\"high\",\"x\":")
                + "\n\n" + "{not json\n" + validReading(3).replace("sh-", "zz-") + "\n";

        gateway.post("/ingest/readings", body).compose(response -> {
            ctx.verify(() -> {
                assertThat(response.statusCode()).isEqualTo(400);
                JsonObject json = response.bodyAsJsonObject();
                assertThat(json.getInteger("received")).isEqualTo(4);
                assertThat(json.getInteger("accepted")).isZero();
                assertThat(json.getInteger("rejected")).isEqualTo(3);
                assertThat(errors(json)).contains("2:value:schema_violation", "2:x:schema_violation",
                        "4:$:bad_json", "5:sensorId:unknown_sensor");
            });
            return records(vertx, readings).compose(published -> recordsUntil(vertx, deadLetters, 3)
                    .map(letters -> {
                        ctx.verify(() -> {
                            assertThat(published).isEmpty();
                            assertThat(letters).hasSize(3).allSatisfy(r -> {
                                DeadLetter letter = SignalCodec.fromJson(r.value(), DeadLetter.class);
                                assertThat(letter.source()).isEqualTo("gateway-readings");
                                assertThat(letter.payload()).isNotBlank();
                                assertThat(letter.detail()).startsWith("line " + letter.line() + ": ");
                            });
                        });
                        return letters;
                    }));
        }).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void partialAcceptancePublishesTheGoodItemsOnly(Vertx vertx, VertxTestContext ctx) {
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        String body = validReading(4) + "\n" + "[1,2]\n" + validReading(5) + "\n";

        gateway.post("/ingest/readings?partial=true", body).compose(response -> records(vertx, readings)
                .map(records -> {
                    ctx.verify(() -> {
                        assertThat(response.statusCode()).isEqualTo(202);
                        JsonObject json = response.bodyAsJsonObject();
                        assertThat(json.getInteger("accepted")).isEqualTo(2);
                        assertThat(json.getInteger("rejected")).isEqualTo(1);
                        assertThat(json.getJsonArray("errors").getJsonObject(0).getLong("line")).isEqualTo(2);
                        assertThat(records).hasSize(2);
                    });
                    return records;
                })).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void districtsOfEveryCityAreAcceptedAndUnknownOnesRejected(VertxTestContext ctx) {
        String shanghai = "{\"id\":\"h-1\",\"source\":\"12345\",\"category\":\"noise\",\"district\":\"310101\","
                + "\"priority\":3,\"status\":\"reported\",\"reportedAt\":\"2024-05-01T08:00:00Z\"}";
        Future.all(gateway.post("/ingest/incidents", shanghai.replace(",", ",\n  ")),
                        gateway.post("/ingest/incidents", shanghai.replace("310101", "110101")),
                        gateway.post("/ingest/incidents", shanghai.replace("310101", "999999")))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertThat(status(all.resultAt(0))).isEqualTo(202);
                    assertThat(status(all.resultAt(1))).isEqualTo(202);
                    assertThat(status(all.resultAt(2))).isEqualTo(400);
                    assertThat(errors(((HttpResponse<Buffer>) all.resultAt(2)).bodyAsJsonObject()))
                            .containsExactly("1:district:unknown_district");
                    ctx.completeNow();
                })));
    }

    @Test
    void aScopedKeySendsOnlyItsSourcesAndAreas(VertxTestContext ctx) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String beijing = GatewayClient.reading(SensorRegistry.of(org.cityvitals.indicators.city.CityProfiles
                .byId("beijing")).lookup("beijing-110101-pm25-01").orElseThrow(), now, 80);
        String shanghai = GatewayClient.reading(GatewayClient.SENSORS.get(0), now, 80);
        Future.all(gateway.postAs(GatewayClient.BEIJING_KEY, "/ingest/readings", beijing),
                        gateway.postAs(GatewayClient.BEIJING_KEY, "/ingest/readings", shanghai),
                        gateway.postAs(GatewayClient.BEIJING_KEY, "/ingest/incidents", "{}"))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertThat(status(all.resultAt(0))).isEqualTo(202);
                    HttpResponse<Buffer> outside = all.resultAt(1);
                    assertThat(outside.statusCode()).isEqualTo(400);
                    assertThat(errors(outside.bodyAsJsonObject())).containsExactly("1:district:out_of_scope");
                    assertThat(outside.bodyAsJsonObject().encode()).contains("API key 'beijing-readings' may not "
                            + "send for district 310101");
                    HttpResponse<Buffer> incidents = all.resultAt(2);
                    assertThat(incidents.statusCode()).isEqualTo(403);
                    assertThat(incidents.bodyAsJsonObject().getString("error"))
                            .isEqualTo("API key 'beijing-readings' may not send incidents");
                    ctx.completeNow();
                })));
    }

    @Test
    void itemsStampedMoreThanTheAllowedSkewAheadAreRejected(VertxTestContext ctx) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String soon = GatewayClient.reading(GatewayClient.SENSORS.get(1), now.plusSeconds(60), 2);
        String later = GatewayClient.reading(GatewayClient.SENSORS.get(1), now.plusSeconds(600), 2);
        Future.all(gateway.post("/ingest/readings", soon), gateway.post("/ingest/readings", later))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertThat(status(all.resultAt(0))).isEqualTo(202); // a minute: within the default 5m
                    HttpResponse<Buffer> rejected = all.resultAt(1);
                    assertThat(rejected.statusCode()).isEqualTo(400);
                    assertThat(errors(rejected.bodyAsJsonObject())).containsExactly("1:observedAt:future_timestamp");
                    ctx.completeNow();
                })));
    }

    @Test
    void oversizedBodiesAndTooManyItemsAre413NamingTheLimit(VertxTestContext ctx) {
        String line = validReading(6) + "\n";
        String tooManyItems = line.repeat(MAX_ITEMS + 1);
        String tooManyBytes = line.repeat(64 * 1024 / line.length() + 1);
        gateway.post("/ingest/readings", tooManyItems).compose(items -> gateway.post("/ingest/readings", tooManyBytes)
                .compose(bytes -> gateway.metrics().map(metrics -> {
                    ctx.verify(() -> {
                        assertThat(items.statusCode()).isEqualTo(413);
                        assertThat(items.bodyAsJsonObject().getString("error")).startsWith("more than 50 items");
                        assertThat(bytes.statusCode()).isEqualTo(413);
                        assertThat(bytes.bodyAsJsonObject().getString("error")).startsWith("body larger than 65536");
                        assertThat(metrics).containsPattern("cityvitals_ingest_items_rejected_total\\{reason="
                                + "\"too_many_items\",source=\"gateway-readings\"} [1-9]").containsPattern(
                                "cityvitals_ingest_items_rejected_total\\{reason=\"payload_too_large\",source="
                                        + "\"gateway-readings\"} [1-9]");
                    });
                    return metrics;
                }))).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void apiKeyIsRequired(VertxTestContext ctx) {
        String body = validReading(7);
        Future.all(gateway.postAs(null, "/ingest/readings", body),
                        gateway.postAs("wrong-key-123", "/ingest/readings", body),
                        gateway.postWithHeader("/ingest/readings", "X-Api-Key", "nope", body),
                        gateway.postWithHeader("/ingest/readings", "X-Api-Key", "test-key-2", body))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertThat(status(all.resultAt(0))).isEqualTo(401);
                    assertThat(status(all.resultAt(1))).isEqualTo(401);
                    assertThat(((HttpResponse<Buffer>) all.resultAt(2)).getHeader("WWW-Authenticate"))
                            .isEqualTo("Bearer");
                    assertThat(status(all.resultAt(3))).isEqualTo(202);
                    ctx.completeNow();
                })));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders(VertxTestContext ctx) {
        gateway.postAs(null, "/ingest/readings", "[]").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'")
                    .contains("frame-ancestors 'none'");
            ctx.completeNow();
        })));
    }

    @Test
    void metricsCountAcceptedItemsPerSourceAndKeyAndHealthSaysKafkaIsUp(VertxTestContext ctx) {
        gateway.post("/ingest/readings", validReading(9)).compose(posted -> gateway.metrics())
                .compose(metrics -> gateway.get("/health").map(health -> {
                    ctx.verify(() -> {
                        assertThat(metrics).containsPattern("cityvitals_ingest_items_accepted_total\\{key=\"key-1\","
                                + "source=\"gateway-readings\"} [1-9]");
                        assertThat(health.statusCode()).isEqualTo(200);
                        assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("UP");
                    });
                    return health;
                })).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void scenariosNeedAnAttachedSimulator(VertxTestContext ctx) {
        gateway.post("/ingest/scenarios", "{\"scenario\":\"power_outage\",\"districts\":[\"310101\"],\"minutes\":10}")
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(409);
                    ctx.completeNow();
                })));
    }

    /**
     * With Kafka unreachable each request holds its worker until the send gives up: a key's second request meanwhile
     * gets 429, another key's request still gets its worker, and every answer that waited is 503 with Retry-After;
     * health says Kafka is down.
     */
    @Test
    void kafkaThatCannotTakeTheDataGives503AndOneKeyCannotTakeAllWorkers(Vertx vertx, VertxTestContext ctx)
            throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GatewayClient.deploy(vertx, new JsonObject().put("bootstrapServers", "127.0.0.1:" + closedPort)
                .put("kafkaTimeoutMs", 1500).put("retryAfterSeconds", 7).put("workers", 2).put("requestsPerKey", 1))
                .compose(unreachable -> {
                    Future<HttpResponse<Buffer>> first = unreachable.post("/ingest/readings", validReading(8));
                    Future<HttpResponse<Buffer>> later = delay(vertx, 300).compose(v -> Future.all(
                            unreachable.post("/ingest/readings", validReading(9)),
                            unreachable.postAs("test-key-2", "/ingest/readings", validReading(10)))
                            .map(all -> (HttpResponse<Buffer>) null));
                    return Future.all(first, later).compose(all -> unreachable.post("/ingest/readings",
                            validReading(9)).compose(again -> Future.all(Future.succeededFuture(again),
                            unreachable.metrics(), unreachable.get("/health"))).map(after -> {
                                ctx.verify(() -> {
                                    HttpResponse<Buffer> answer = all.resultAt(0);
                                    assertThat(answer.statusCode()).isEqualTo(503);
                                    assertThat(answer.getHeader("Retry-After")).isEqualTo("7");
                                    assertThat(answer.bodyAsJsonObject().getInteger("accepted")).isZero();
                                    String metrics = after.resultAt(1);
                                    assertThat(metrics).containsPattern("cityvitals_ingest_requests_throttled_total"
                                            + "\\{key=\"key-1\"} 1").containsPattern(
                                            "cityvitals_ingest_items_rejected_total\\{reason=\"kafka_unavailable\","
                                                    + "source=\"gateway-readings\"} 3");
                                    assertThat(((HttpResponse<Buffer>) after.resultAt(2)).statusCode())
                                            .isEqualTo(503);
                                });
                                return after;
                            }));
                }).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void connectionsBeyondThePerAddressCapAreClosed(Vertx vertx, VertxTestContext ctx) {
        GatewayClient.deploy(vertx, new JsonObject().put("bootstrapServers", kafka)
                        .put("maxConnectionsPerAddress", 2))
                .compose(capped -> {
                    var client = vertx.createNetClient();
                    return Future.all(connect(client, capped), connect(client, capped))
                            .compose(two -> connect(client, capped))
                            .compose(third -> closed(vertx, third, 3_000))
                            .map(thirdClosedWithinMs -> {
                                ctx.verify(() -> assertThat(thirdClosedWithinMs).isLessThan(1_000));
                                return thirdClosedWithinMs;
                            });
                }).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void idleConnectionsAreClosed(Vertx vertx, VertxTestContext ctx) {
        GatewayClient.deploy(vertx, new JsonObject().put("bootstrapServers", kafka).put("idleTimeout", "1s"))
                .compose(idle -> vertx.createNetClient().connect(idle.port(), "127.0.0.1"))
                .compose(socket -> closed(vertx, socket, 5_000))
                .onComplete(ctx.succeeding(ms -> ctx.verify(() -> {
                    assertThat(ms).isBetween(500L, 3_000L);
                    ctx.completeNow();
                })));
    }

    /** A raw connection that has sent one request (and keeps the connection alive). */
    private static Future<NetSocket> connect(io.vertx.core.net.NetClient client, GatewayClient to) {
        return client.connect(to.port(), "127.0.0.1").compose(socket -> socket.write(
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").map(socket));
    }

    /** Milliseconds until the server closed {@code socket}; fails when it is still open after {@code timeoutMs}. */
    private static Future<Long> closed(Vertx vertx, NetSocket socket, long timeoutMs) {
        long start = System.nanoTime();
        io.vertx.core.Promise<Long> closed = io.vertx.core.Promise.promise();
        socket.closeHandler(v -> closed.tryComplete((System.nanoTime() - start) / 1_000_000));
        vertx.setTimer(timeoutMs, t -> closed.tryFail("the connection was still open after " + timeoutMs + " ms"));
        return closed.future();
    }

    private static Future<Void> delay(Vertx vertx, long ms) {
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        vertx.setTimer(ms, t -> done.complete());
        return done.future();
    }

    /** The records written since the mark, read on a worker (the consumer blocks). */
    private static Future<List<ConsumerRecord<byte[], byte[]>>> records(Vertx vertx, TopicMark mark) {
        return vertx.executeBlocking(mark::records);
    }

    private static Future<List<ConsumerRecord<byte[], byte[]>>> recordsUntil(Vertx vertx, TopicMark mark, int n) {
        return vertx.executeBlocking(() -> mark.recordsUntil(n, java.time.Duration.ofSeconds(30)));
    }

    private static int status(Object response) {
        return ((HttpResponse<?>) response).statusCode();
    }

    private static List<String> errors(JsonObject answer) {
        JsonArray errors = answer.getJsonArray("errors");
        return errors.stream().map(e -> ((JsonObject) e).getLong("line") + ":" + ((JsonObject) e).getString("field")
                + ":" + ((JsonObject) e).getString("reason")).toList();
    }
}
