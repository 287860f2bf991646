package org.cityvitals.dashboard;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.cityvitals.dashboard.feed.Position;
import org.cityvitals.dashboard.feed.Sequenced;
import org.cityvitals.dashboard.feed.SignalBus;
import org.cityvitals.dashboard.live.ScreenState;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A situation's class on the screens, by docs/GOVERNANCE.md, over a real server and real WebSocket clients: the demo
 * account {@code ops} is cleared for internal data, {@code admin} for sensitive (dashboard-server's demo-users.json).
 * What people say about a situation travels in the situation's own class, and a screen that was sent a situation
 * before a member of a higher class joined it is told it is gone.
 */
class SituationActionClassTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final String HUANGPU = "310101";

    private final Map<String, Clearance> situationClasses = new ConcurrentHashMap<>();
    private Vertx vertx;
    private HubOnAServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = HubOnAServer.deployed(vertx, new SimpleMeterRegistry(), hub -> hub.state()
                .judgeSituationActionsBy(id -> Optional.ofNullable(situationClasses.get(id))));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void aNoteOnASensitiveSituationReachesOnlyScreensClearedForSensitiveData() throws Exception {
        situationClasses.put("sit-internal", Clearance.INTERNAL);
        situationClasses.put("sit-sensitive", Clearance.SENSITIVE);
        try (WsProbe ops = server.screen("ops"); WsProbe admin = server.screen("admin")) {
            ops.awaitType("snapshot");
            admin.awaitType("snapshot");

            publishStream(0, comment("act-1", "sit-sensitive", "the caller named the site's owner"));
            publishStream(1, comment("act-2", "sit-internal", "crew on the way"));
            publishStream(2, comment("act-3", "sit-unknown", "a situation this instance does not hold"));
            publishStream(3, alert("marker"));
            ops.await(m -> "alert".equals(m.getString("type")), Duration.ofSeconds(10));
            admin.await(m -> "alert".equals(m.getString("type")), Duration.ofSeconds(10));

            // stream order is kept: by the marker alert every action before it has been delivered or withheld
            assertThat(actionsOn(ops)).containsExactly("sit-internal");
            assertThat(actionsOn(admin)).containsExactly("sit-sensitive", "sit-internal", "sit-unknown");
        }
    }

    @Test
    void aScreenSentASituationBeforeItsClassRoseIsToldItIsGone() throws Exception {
        try (WsProbe ops = server.screen("ops"); WsProbe admin = server.screen("admin")) {
            ops.awaitType("snapshot");
            admin.awaitType("snapshot");

            publishSituation(Clearance.INTERNAL, 1);
            ops.await(m -> "situation".equals(m.getString("type")), Duration.ofSeconds(10));
            publishSituation(Clearance.SENSITIVE, 2); // a member on a sensitive indicator joined
            ops.await(m -> "situationWithdrawn".equals(m.getString("type")), Duration.ofSeconds(10));
            admin.await(m -> "situation".equals(m.getString("type")) && m.getInteger("memberCount") == 2,
                    Duration.ofSeconds(10));
            publishSituation(Clearance.SENSITIVE, 3);
            admin.await(m -> "situation".equals(m.getString("type")) && m.getInteger("memberCount") == 3,
                    Duration.ofSeconds(10));
            Thread.sleep(500); // several fan-outs: anything else for ops would have come

            assertThat(ops.received).filteredOn(m -> m.getString("type").startsWith("situation"))
                    .extracting(m -> m.containsKey("memberCount") ? "situation of " + m.getInteger("memberCount")
                            : m.getString("type") + " " + m.getString("id"))
                    .containsExactly("situation of 1", "situationWithdrawn sit-1");
            assertThat(admin.received).filteredOn(m -> m.getString("type").startsWith("situation"))
                    .extracting(m -> m.getInteger("memberCount")).containsExactly(1, 2, 3);
        }
    }

    private void publishStream(long offset, Object signal) {
        server.onItsLoop(v -> vertx.eventBus().publish(SignalBus.ALERT_STREAM,
                new Sequenced(signal, new Position("a0", offset, T0.toEpochMilli() + offset))));
    }

    private void publishSituation(Clearance dataClass, int members) {
        server.onItsLoop(v -> vertx.eventBus().publish(SignalBus.SCREEN_STATE, new ScreenState("situation|sit-1",
                HUANGPU, dataClass, new Frame("situation", members), new Gone("situationWithdrawn", "sit-1"))));
    }

    /** Stand-ins for the situation verticle's frames: the hub relays any message with a type. */
    record Frame(String type, int memberCount) {}

    record Gone(String type, String id) {}

    private static AlertAction comment(String actionId, String situationId, String note) {
        return new AlertAction(actionId, situationId, HUANGPU, AlertActionKind.COMMENT, "ops", null, null, note, T0);
    }

    private static AlertEvent alert(String id) {
        return new AlertEvent(id, 1, "level", "air.pm25", HUANGPU, AlertKind.OPENED, Level.YELLOW, Level.NORMAL, 120,
                115, T0, T0, AlertAudience.OPERATIONS, Origin.LIVE, "test");
    }

    private static List<String> actionsOn(WsProbe screen) {
        return screen.received.stream().filter(m -> "alertAction".equals(m.getString("type")))
                .map(m -> m.getJsonObject("action").getString("alertId")).toList();
    }
}
