package org.cityvitals.ingest.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.stack.testing.TopicMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 12,000 generated lines (about 11,000 of them broken in 24 ways) plus malformed whole requests, sent over HTTP to a
 * gateway on a real broker: nothing crashes, every refusal has a reason, and accepted + rejected = sent, in the
 * responses, on the topics and in the metrics.
 */
@ExtendWith(VertxExtension.class)
class GatewayFuzzIT {
    private static final int LINES = 12_000;
    private static final int BATCH = 400;
    private static final Set<String> REASONS = Arrays.stream(RejectReason.values()).map(RejectReason::code)
            .collect(Collectors.toSet());

    /** Running totals over the batches. */
    private static final class Totals {
        long accepted;
        long rejected;
    }

    @Test
    void malformedLinesAreEachRejectedWithAReasonAndValidOnesAccepted(Vertx vertx, VertxTestContext ctx) {
        String kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.DEAD_LETTERS);
        List<MalformedItems.Line> lines = MalformedItems.generate(LINES, 20240506L);
        long expectedValid = lines.stream().filter(MalformedItems.Line::valid).count();
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        TopicMark deadLetters = TopicMark.now(kafka, Topics.DEAD_LETTERS);
        Totals totals = new Totals();

        GatewayClient.deploy(vertx, new JsonObject().put("bootstrapServers", kafka)
                .put("bodyLimitBytes", 1024 * 1024)).compose(gateway -> {
                    Future<Void> batches = Future.succeededFuture();
                    for (int from = 0; from < LINES; from += BATCH) {
                        List<MalformedItems.Line> batch = lines.subList(from, Math.min(LINES, from + BATCH));
                        batches = batches.compose(v -> gateway.postNdjson("/ingest/readings?partial=true",
                                ndjson(batch)).map(response -> {
                                    ctx.verify(() -> checkBatch(response, batch, totals));
                                    return null;
                                }));
                    }
                    return batches.compose(v -> vertx.executeBlocking(() -> List.of(
                                    readings.recordsUntil((int) totals.accepted, java.time.Duration.ofSeconds(30)),
                                    deadLetters.recordsUntil((int) totals.rejected, java.time.Duration.ofSeconds(30)))))
                            .compose(published -> gateway.metrics().map(metrics -> {
                                ctx.verify(() -> {
                                    assertThat(totals.accepted + totals.rejected).isEqualTo(LINES);
                                    assertThat(totals.accepted).isEqualTo(expectedValid);
                                    assertThat(totals.rejected).isGreaterThanOrEqualTo(10_000);
                                    assertThat(published.get(0)).hasSize((int) totals.accepted);
                                    assertThat(published.get(1)).hasSize((int) totals.rejected);
                                    assertThat(sum(metrics, "cityvitals_ingest_items_accepted_total"))
                                            .isEqualTo(totals.accepted);
                                    assertThat(sum(metrics, "cityvitals_ingest_items_rejected_total"))
                                            .isEqualTo(totals.rejected);
                                });
                                return gateway;
                            }));
                }).compose(gateway -> malformedWholeRequestsGetClearAnswers(gateway, ctx))
                .onComplete(ctx.succeedingThenComplete());
    }

    private static void checkBatch(HttpResponse<Buffer> response, List<MalformedItems.Line> batch, Totals totals) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
        JsonObject json = response.bodyAsJsonObject();
        assertThat(json.getInteger("received")).isEqualTo(batch.size());
        assertThat(json.getInteger("accepted") + json.getInteger("rejected")).isEqualTo(batch.size());
        assertEveryErrorExplained(json.getJsonArray("errors"), batch.size());
        assertRejectedLinesAreTheBrokenOnes(json.getJsonArray("errors"), batch);
        totals.accepted += json.getInteger("accepted");
        totals.rejected += json.getInteger("rejected");
    }

    private static Future<Void> malformedWholeRequestsGetClearAnswers(GatewayClient gateway, VertxTestContext ctx) {
        Future<Void> checks = Future.succeededFuture();
        for (String body : List.of("[", "[{}", "[1,,2]", "[{\"a\":1}] trailing", "", "   \n\n  ")) {
            checks = checks.compose(v -> gateway.post("/ingest/readings", body).map(response -> {
                ctx.verify(() -> {
                    assertThat(response.statusCode()).as(body).isEqualTo(400);
                    assertThat(response.bodyAsJsonObject().toString()).containsAnyOf("bad_json", "empty body");
                });
                return null;
            }));
        }
        byte[] brokenArray = ("[" + GatewayClient.validReading(2) + "]").getBytes(StandardCharsets.UTF_8);
        brokenArray[10] = (byte) 0xFF;
        byte[] oversized = new byte[2 * 1024 * 1024];
        Arrays.fill(oversized, (byte) '{');
        return checks.compose(v -> Future.all(gateway.post("/ingest/readings", brokenArray),
                gateway.post("/ingest/readings", oversized), gateway.post("/ingest/incidents", "{\"id\":1}"),
                gateway.post("/ingest/readings", GatewayClient.validReading(1)))).map(all -> {
                    ctx.verify(() -> {
                        HttpResponse<Buffer> invalidUtf8 = all.resultAt(0);
                        assertThat(invalidUtf8.statusCode()).isEqualTo(400);
                        assertThat(invalidUtf8.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0)
                                .getString("reason")).isEqualTo("invalid_utf8");
                        assertThat(((HttpResponse<?>) all.resultAt(1)).statusCode()).isEqualTo(413);
                        assertThat(((HttpResponse<?>) all.resultAt(2)).statusCode()).isEqualTo(400);
                        assertThat(((HttpResponse<?>) all.resultAt(3)).statusCode()).isEqualTo(202);
                    });
                    return null;
                });
    }

    private static void assertEveryErrorExplained(JsonArray errors, int linesInBatch) {
        assertThat(errors).allSatisfy(e -> {
            JsonObject error = (JsonObject) e;
            assertThat(REASONS).contains(error.getString("reason"));
            assertThat(error.getString("detail")).isNotBlank();
            assertThat(error.getString("field")).isNotBlank();
            assertThat(error.getLong("line")).isBetween(1L, (long) linesInBatch);
        });
    }

    private static void assertRejectedLinesAreTheBrokenOnes(JsonArray errors, List<MalformedItems.Line> batch) {
        Set<Long> rejectedLines = errors.stream().map(e -> ((JsonObject) e).getLong("line")).collect(Collectors.toSet());
        for (int i = 0; i < batch.size(); i++) {
            MalformedItems.Line line = batch.get(i);
            assertThat(rejectedLines.contains(i + 1L)).as("line %d (%s)", i + 1, line.kind()).isEqualTo(!line.valid());
        }
    }

    private static byte[] ndjson(List<MalformedItems.Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (MalformedItems.Line line : lines) {
            out.writeBytes(line.bytes());
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static long sum(String prometheus, String counter) {
        Matcher m = Pattern.compile("(?m)^" + counter + "\\{[^}]*} ([0-9.E]+)$").matcher(prometheus);
        double total = 0;
        while (m.find()) total += Double.parseDouble(m.group(1));
        return Math.round(total);
    }
}
