package org.cityvitals.ingest.sim;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.stack.testing.TopicMark;
import org.cityvitals.ingest.gateway.IngestGatewayVerticle;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real-time simulator publishing into a real broker, with a scenario injected through the gateway's REST call. */
class SimulatorIT {

    @Test
    void realTimeSimulatorPublishesNowAndTakesScenariosOverRest() throws Exception {
        String kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.DEAD_LETTERS);
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        Vertx vertx = Vertx.vertx();
        Instant started = Instant.now();
        try (Simulator simulator = Simulator.start(SimulatorConfig.realTime(5, 1500), kafka)) {
            IngestGatewayVerticle gateway = new IngestGatewayVerticle(new JsonObject().put("port", 0)
                    .put("bootstrapServers", kafka).put("apiKeys", new JsonArray().add("k")), simulator);
            await(vertx.deployVerticle(gateway));
            WebClient client = WebClient.create(vertx);

            HttpResponse<Buffer> injected = await(client.post(gateway.actualPort(), "127.0.0.1", "/ingest/scenarios")
                    .putHeader("X-Api-Key", "k").sendJsonObject(new JsonObject().put("scenario", "pollution_episode")
                            .put("districts", new JsonArray().add("310104")).put("minutes", 5)));
            HttpResponse<Buffer> unknownDistrict = await(client.post(gateway.actualPort(), "127.0.0.1",
                    "/ingest/scenarios").putHeader("X-Api-Key", "k").sendJsonObject(new JsonObject()
                    .put("scenario", "power_outage").put("districts", new JsonArray().add("110101")).put("minutes", 5)));
            // Three seconds of simulated time at 1,500 readings/s, however slowly a loaded machine gets there.
            long deadline = System.currentTimeMillis() + 30_000;
            while (simulator.eventsPublished() < 3 * 1500 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            simulator.close();
            long published = simulator.eventsPublished();

            assertThat(injected.statusCode()).as(injected.bodyAsString()).isEqualTo(202);
            assertThat(Instant.parse(injected.bodyAsJsonObject().getString("until")))
                    .isBetween(started.plus(Duration.ofMinutes(4)), Instant.now().plus(Duration.ofMinutes(6)));
            assertThat(unknownDistrict.statusCode()).isEqualTo(400);
            assertThat(unknownDistrict.bodyAsJsonObject().getString("error")).contains("110101");
            List<Reading> sent = readings.records().stream()
                    .map(r -> EventCodec.decodeReading(r.value()).value()).toList();
            assertThat(sent).hasSize((int) published).hasSizeGreaterThan(1500);
            assertThat(sent).allSatisfy(r -> assertThat(r.observedAt())
                    .isBetween(started.minusSeconds(1), Instant.now().plusSeconds(1)));
            assertThat(sent).filteredOn(r -> r.metric().equals("pm25") && r.district().equals("310104")
                    && r.observedAt().isAfter(started.plusSeconds(2))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.value()).isGreaterThan(200));
            assertThat(simulator.eventsFailed()).isZero();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
