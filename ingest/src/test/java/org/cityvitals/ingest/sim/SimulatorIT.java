package org.cityvitals.ingest.sim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.ingest.gateway.IngestGatewayVerticle;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.stack.testing.TopicMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real-time simulator publishing into a real broker, with a scenario injected through the gateway's REST call. */
@ExtendWith(VertxExtension.class)
class SimulatorIT {
    private static final String KEY = "simulator-test-key";

    @Test
    void realTimeSimulatorPublishesNowAndTakesScenariosOverRest(Vertx vertx, VertxTestContext ctx) {
        String kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.DEAD_LETTERS);
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        TopicMark incidents = TopicMark.now(kafka, Topics.INCIDENTS);
        Instant started = Instant.now();
        Simulator simulator = Simulator.start(SimulatorConfig.realTime(5, 1500), kafka);
        IngestGatewayVerticle gateway = new IngestGatewayVerticle(new JsonObject().put("port", 0)
                .put("bootstrapServers", kafka).put("apiKeys", new JsonArray().add(KEY)), simulator);
        WebClient client = WebClient.create(vertx);
        vertx.deployVerticle(gateway).compose(id -> Future.all(
                        scenario(client, gateway, "pollution_episode", "310104"),
                        scenario(client, gateway, "power_outage", "110101")))
                // six seconds of simulated time at 1,500 readings/s, however slowly a loaded machine gets there
                .compose(answers -> vertx.executeBlocking(() -> {
                    long deadline = System.currentTimeMillis() + 30_000;
                    while (simulator.eventsPublished() < 6 * 1500 && System.currentTimeMillis() < deadline) {
                        Thread.sleep(100);
                    }
                    simulator.close();
                    return List.of(readings.records(), incidents.records());
                }).map(topics -> {
                    List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> records = topics.get(0);
                    ctx.verify(() -> {
                        HttpResponse<Buffer> injected = answers.resultAt(0);
                        HttpResponse<Buffer> unknownDistrict = answers.resultAt(1);
                        assertThat(injected.statusCode()).as(injected.bodyAsString()).isEqualTo(202);
                        assertThat(Instant.parse(injected.bodyAsJsonObject().getString("until")))
                                .isBetween(started.plus(Duration.ofMinutes(4)), Instant.now().plus(Duration.ofMinutes(6)));
                        assertThat(unknownDistrict.statusCode()).isEqualTo(400);
                        assertThat(unknownDistrict.bodyAsJsonObject().getString("error")).contains("110101");
                        List<Reading> sent = records.stream().map(r -> EventCodec.decodeReading(r.value()).value())
                                .toList();
                        // the simulator counts readings and incidents alike
                        assertThat(sent.size() + topics.get(1).size()).isEqualTo(simulator.eventsPublished());
                        assertThat(sent).hasSizeGreaterThan(1500);
                        assertThat(sent).allSatisfy(r -> assertThat(r.observedAt())
                                .isBetween(started.minusSeconds(1), Instant.now().plusSeconds(1)));
                        // the scenario runs from the round after the injection: 5 minutes before its answer's "until"
                        Instant scenarioStart = Instant.parse(injected.bodyAsJsonObject().getString("until"))
                                .minus(Duration.ofMinutes(5));
                        assertThat(sent).filteredOn(r -> r.metric().equals("pm25") && r.district().equals("310104")
                                && !r.observedAt().isBefore(scenarioStart)).isNotEmpty()
                                .allSatisfy(r -> assertThat(r.value()).isGreaterThan(200));
                        assertThat(simulator.eventsFailed()).isZero();
                    });
                    return topics;
                }))
                .onComplete(ctx.succeedingThenComplete());
    }

    private static Future<HttpResponse<Buffer>> scenario(WebClient client, IngestGatewayVerticle gateway,
                                                        String scenario, String district) {
        return client.post(gateway.actualPort(), "127.0.0.1", "/ingest/scenarios").putHeader("X-Api-Key", KEY)
                .sendJsonObject(new JsonObject().put("scenario", scenario)
                        .put("districts", new JsonArray().add(district)).put("minutes", 5));
    }
}
