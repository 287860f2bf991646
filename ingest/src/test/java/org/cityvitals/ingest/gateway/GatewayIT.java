package org.cityvitals.ingest.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.cityvitals.indicators.Topics;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.stack.testing.TopicMark;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.SignalCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.ingest.gateway.GatewayClient.validReading;

/** The gateway's HTTP contract against a real broker: 202, 400, partial, 413, 401, 503, metrics, scenarios. */
class GatewayIT {
    private static String kafka;
    private static GatewayClient gateway;

    @BeforeAll
    static void start() {
        kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.DEAD_LETTERS);
        gateway = new GatewayClient(new JsonObject().put("bootstrapServers", kafka));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void validArrayIsPublishedAndAnswered202() {
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        String body = IntStream.range(0, 3).mapToObj(GatewayClient::validReading)
                .collect(Collectors.joining(",\n", "[", "]"));

        HttpResponse<Buffer> response = gateway.post("/ingest/readings", body);

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
        assertThat(GatewayClient.json(response).getInteger("accepted")).isEqualTo(3);
        assertThat(readings.records()).hasSize(3);
    }

    @Test
    void badNdjsonLinesAreReportedWithLineFieldAndReasonAndNothingIsPublished() {
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        TopicMark deadLetters = TopicMark.now(kafka, Topics.DEAD_LETTERS);
        String body = validReading(1) + "\n" + validReading(2).replace("\"value\":", "\"value\":\"high\",\"x\":")
                + "\n\n" + "{not json\n" + validReading(3).replace("sh-", "zz-") + "\n";

        HttpResponse<Buffer> response = gateway.post("/ingest/readings", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject json = GatewayClient.json(response);
        assertThat(json.getInteger("received")).isEqualTo(4);
        assertThat(json.getInteger("accepted")).isZero();
        assertThat(json.getInteger("rejected")).isEqualTo(3);
        JsonArray errors = json.getJsonArray("errors");
        assertThat(errors.stream().map(e -> ((JsonObject) e).getLong("line") + ":"
                + ((JsonObject) e).getString("field") + ":" + ((JsonObject) e).getString("reason")))
                .contains("2:value:schema_violation", "2:x:schema_violation", "4:$:bad_json",
                        "5:sensorId:unknown_sensor");
        assertThat(readings.records()).isEmpty();
        assertThat(deadLetters.records()).hasSize(3).allSatisfy(r -> {
            DeadLetter letter = SignalCodec.fromJson(r.value(), DeadLetter.class);
            assertThat(letter.source()).isEqualTo("gateway-readings");
            assertThat(letter.payload()).isNotBlank();
        });
    }

    @Test
    void partialAcceptancePublishesTheGoodItemsOnly() {
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        String body = validReading(4) + "\n" + "[1,2]\n" + validReading(5) + "\n";

        HttpResponse<Buffer> response = gateway.post("/ingest/readings?partial=true", body);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonObject json = GatewayClient.json(response);
        assertThat(json.getInteger("accepted")).isEqualTo(2);
        assertThat(json.getInteger("rejected")).isEqualTo(1);
        assertThat(json.getJsonArray("errors").getJsonObject(0).getLong("line")).isEqualTo(2);
        assertThat(readings.records()).hasSize(2);
    }

    @Test
    void incidentsAreValidatedAgainstTheCityProfileAndMayBePrettyPrinted() {
        String good = "{\"id\":\"h-1\",\"source\":\"12345\",\"category\":\"noise\",\"district\":\"310101\","
                + "\"priority\":3,\"status\":\"reported\",\"reportedAt\":\"2024-05-01T08:00:00Z\"}";
        HttpResponse<Buffer> ok = gateway.post("/ingest/incidents", good.replace(",", ",\n  "));
        HttpResponse<Buffer> bad = gateway.post("/ingest/incidents", good.replace("310101", "110101"));

        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(GatewayClient.json(bad).getJsonArray("errors").getJsonObject(0).getString("reason"))
                .isEqualTo("unknown_district");
    }

    @Test
    void oversizedBodyIs413() {
        String line = validReading(6) + "\n";
        String body = line.repeat(64 * 1024 / line.length() + 1);

        HttpResponse<Buffer> response = gateway.post("/ingest/readings", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(gateway.metrics()).containsPattern(
                "cityvitals_ingest_items_rejected_total\\{reason=\"payload_too_large\",source=\"gateway-readings\"} [1-9]");
    }

    @Test
    void apiKeyIsRequired() {
        String body = validReading(7);
        assertThat(gateway.postWithHeader("/ingest/readings", null, null, body).statusCode()).isEqualTo(401);
        assertThat(gateway.postWithHeader("/ingest/readings", "Authorization", "Bearer wrong", body).statusCode())
                .isEqualTo(401);
        HttpResponse<Buffer> unauthorised = gateway.postWithHeader("/ingest/readings", "X-Api-Key", "nope", body);
        assertThat(unauthorised.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(gateway.postWithHeader("/ingest/readings", "X-Api-Key", "test-key-2", body).statusCode())
                .isEqualTo(202);
    }

    @Test
    void kafkaThatCannotTakeTheDataGives503WithRetryAfter() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (GatewayClient unreachable = new GatewayClient(new JsonObject()
                .put("bootstrapServers", "127.0.0.1:" + closedPort).put("kafkaTimeoutMs", 1500)
                .put("retryAfterSeconds", 7))) {
            HttpResponse<Buffer> response = unreachable.post("/ingest/readings", validReading(8));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("7");
            assertThat(GatewayClient.json(response).getInteger("accepted")).isZero();
            assertThat(unreachable.metrics()).containsPattern(
                    "cityvitals_ingest_items_rejected_total\\{reason=\"kafka_unavailable\",source=\"gateway-readings\"} 1");
        }
    }

    @Test
    void metricsCountAcceptedItemsPerSource() {
        gateway.post("/ingest/readings", validReading(9));
        assertThat(gateway.metrics()).containsPattern(
                "cityvitals_ingest_items_accepted_total\\{source=\"gateway-readings\"} [1-9]");
    }

    @Test
    void scenariosNeedAnAttachedSimulator() {
        HttpResponse<Buffer> response = gateway.post("/ingest/scenarios",
                "{\"scenario\":\"power_outage\",\"districts\":[\"310101\"],\"minutes\":10}");
        assertThat(response.statusCode()).isEqualTo(409);
    }
}
