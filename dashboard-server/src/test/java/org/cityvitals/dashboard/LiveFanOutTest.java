package org.cityvitals.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.cityvitals.dashboard.feed.Position;
import org.cityvitals.dashboard.feed.Sequenced;
import org.cityvitals.dashboard.feed.SignalBus;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's fan-out on a real Vert.x server with real WebSocket clients (no broker: the signals are published on the
 * event bus as the Kafka verticle publishes them). Values that change several times before one fan-out reach each
 * screen once, with the last value; alert transitions are never merged, reach every entitled screen in order, and a
 * district dispatcher sees its district only.
 */
class LiveFanOutTest {

    private static final Instant WINDOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final String HUANGPU = "310101";
    private static final String XUHUI = "310104";

    private Vertx vertx;
    private MeterRegistry meters;
    private HubOnAServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        meters = new SimpleMeterRegistry();
        server = HubOnAServer.deployed(vertx, meters, hub -> { });
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void threeValuesOfOneKeyBeforeAFanOutAreOneFrameWithTheLastAndAlertsAreNeverMerged() throws Exception {
        try (WsProbe ops = server.screen("ops"); WsProbe huangpu = server.screen("huangpu")) {
            ops.awaitType("snapshot");
            huangpu.awaitType("snapshot");

            // one task on the hub's loop publishes everything, as a loop that is behind finds it queued: all of it
            // reaches the hub before the fan-out the first value asked for
            server.onItsLoop(v -> {
                publish(value(HUANGPU, 41, 1));
                publishAlert(0, alert("a-1", 1, HUANGPU, AlertKind.OPENED));
                publish(value(HUANGPU, 42, 2));
                publish(value(XUHUI, 50, 1));
                publishAlert(1, alert("a-1", 2, HUANGPU, AlertKind.LEVEL_CHANGED));
                publish(value(HUANGPU, 43, 3));
                publishAlert(2, alert("a-2", 1, XUHUI, AlertKind.OPENED));
                publish(value(XUHUI, 51, 2));
                publishAlert(3, alert("a-1", 3, HUANGPU, AlertKind.RESOLVED));
            });
            ops.await(m -> "indicator".equals(m.getString("type")) && m.getJsonObject("value").getLong("version") == 2
                    && XUHUI.equals(m.getJsonObject("value").getString("district")), Duration.ofSeconds(10));
            huangpu.await(m -> alertKey(m).equals("a-1 v3 resolved"), Duration.ofSeconds(10));
            Thread.sleep(1000); // several fan-outs later: anything else that was coming has come

            // by hand: 310101 changed three times (41, 42, 43), 310104 twice (50, 51); one frame each, the last value
            assertThat(values(ops)).containsExactly("310101=43.0 v3", "310104=51.0 v2");
            assertThat(values(huangpu)).containsExactly("310101=43.0 v3");
            assertThat(alerts(ops)).containsExactly("a-1 v1 opened", "a-1 v2 level_changed", "a-2 v1 opened",
                    "a-1 v3 resolved");
            assertThat(alerts(huangpu)).containsExactly("a-1 v1 opened", "a-1 v2 level_changed", "a-1 v3 resolved");
            // 2 stale values for 310101 and 1 for 310104, counted once for all screens
            assertThat(meters.get("cityvitals.dashboard.ws.values.coalesced").counter().count()).isEqualTo(3);
            assertThat(meters.get("cityvitals.dashboard.ws.messages.coalesced").counter().count()).isZero();
        }
    }

    @Test
    void aValueThatChangesAfterAFanOutIsWrittenAgain() throws Exception {
        try (WsProbe ops = server.screen("ops")) {
            ops.awaitType("snapshot");
            server.onItsLoop(v -> publish(value(HUANGPU, 41, 1)));
            ops.await(m -> "indicator".equals(m.getString("type")), Duration.ofSeconds(10));
            server.onItsLoop(v -> publish(value(HUANGPU, 42, 2)));
            ops.await(m -> "indicator".equals(m.getString("type")) && m.getJsonObject("value").getLong("version") == 2,
                    Duration.ofSeconds(10));

            assertThat(values(ops)).containsExactly("310101=41.0 v1", "310101=42.0 v2");
            assertThat(meters.get("cityvitals.dashboard.ws.values.coalesced").counter().count()).isZero();
        }
    }

    private void publish(IndicatorValue value) {
        vertx.eventBus().publish(SignalBus.INDICATORS, value);
    }

    private void publishAlert(long offset, AlertEvent alert) {
        vertx.eventBus().publish(SignalBus.ALERT_STREAM, new Sequenced(alert, new Position("a0", offset,
                WINDOW.toEpochMilli() + offset)));
    }

    private static IndicatorValue value(String district, double value, long version) {
        return new IndicatorValue("air.pm25", district, WINDOW, WINDOW.plusSeconds(60), value, 12, Level.NORMAL,
                version);
    }

    private static AlertEvent alert(String id, int version, String district, AlertKind kind) {
        return new AlertEvent(id, version, "level", "air.pm25", district, kind, Level.YELLOW, Level.NORMAL, 120, 115,
                WINDOW, WINDOW, AlertAudience.OPERATIONS, Origin.LIVE, "test");
    }

    private static List<String> values(WsProbe screen) {
        return screen.received.stream().filter(m -> "indicator".equals(m.getString("type")))
                .map(m -> m.getJsonObject("value"))
                .map(v -> v.getString("district") + "=" + v.getDouble("value") + " v" + v.getLong("version"))
                .toList();
    }

    private static List<String> alerts(WsProbe screen) {
        return screen.received.stream().filter(m -> "alert".equals(m.getString("type")))
                .map(LiveFanOutTest::alertKey).toList();
    }

    private static String alertKey(JsonObject message) {
        JsonObject alert = message.getJsonObject("alert");
        return alert == null ? "" : alert.getString("alertId") + " v" + alert.getLong("version") + " "
                + alert.getString("kind");
    }
}
