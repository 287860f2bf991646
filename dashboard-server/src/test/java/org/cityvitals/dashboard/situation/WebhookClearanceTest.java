package org.cityvitals.dashboard.situation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook gets only situations its declared clearance covers, over a real HTTP receiver. By the classification
 * (docs/GOVERNANCE.md): a situation is of the alerts dataset's class, {@code internal}, even when its member is an
 * alert on PM2.5 (an open indicator); a member on an indicator that is not classified fails closed, so that
 * situation is {@code sensitive}.
 */
class WebhookClearanceTest {

    private static Vertx vertx;
    private static HttpServer receiver;
    private static final List<JsonObject> received = new CopyOnWriteArrayList<>();

    private static final Situation ON_PM25 = situation("sit-310101-air-1", "air.pm25");
    private static final Situation ON_UNCLASSIFIED = situation("sit-310101-feed-1", "feed.not_in_the_standard");

    @BeforeAll
    static void receive() throws Exception {
        vertx = Vertx.vertx();
        receiver = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(body.toJsonObject());
            request.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void anOpenWebhookGetsNoSituation() throws Exception {
        assertThat(sentTo(Clearance.OPEN)).isEmpty();
    }

    @Test
    void anInternalWebhookGetsTheSituationOnPm25AndNotTheOneOnAnUnclassifiedIndicator() throws Exception {
        assertThat(sentTo(Clearance.INTERNAL)).containsExactly(ON_PM25.id());
    }

    @Test
    void aSensitiveWebhookGetsBoth() throws Exception {
        assertThat(sentTo(Clearance.SENSITIVE)).containsExactlyInAnyOrder(ON_PM25.id(), ON_UNCLASSIFIED.id());
    }

    @Test
    void theClassOfASituationIsTheHighestOfItsMembersAlerts() {
        assertThat(SituationIds.classOf(ON_PM25)).isEqualTo(Clearance.INTERNAL);
        assertThat(SituationIds.classOf(ON_UNCLASSIFIED)).isEqualTo(Clearance.SENSITIVE);
    }

    /** The situation ids a webhook cleared for {@code clearance} received, both situations escalated to it. */
    private static List<String> sentTo(Clearance clearance) throws Exception {
        String path = "/hook-" + clearance;
        WebhookNotifier notifier = new WebhookNotifier(vertx, new WebhookNotifier.Settings(
                "http://127.0.0.1:" + receiver.actualPort() + path, "secret".getBytes(StandardCharsets.UTF_8), 1,
                Duration.ofMillis(100), Duration.ofSeconds(5), clearance), Clock.systemUTC(), delivery -> { });
        List<Future<Void>> sends = List.of(notifier.send(ON_PM25, escalation(ON_PM25, clearance)),
                notifier.send(ON_UNCLASSIFIED, escalation(ON_UNCLASSIFIED, clearance)));
        long delivered = 0;
        for (Future<Void> send : sends) {
            try {
                send.await(10, TimeUnit.SECONDS);
                delivered++;
            } catch (Exception withheld) {
                assertThat(withheld.getMessage()).contains("withheld from the webhook", "cleared for");
            }
        }
        assertThat(notifier.withheld()).isEqualTo(2 - delivered);
        notifier.close();
        return received.stream().filter(p -> p.getString("deliveryId").endsWith("-" + clearance))
                .map(p -> p.getJsonObject("situation").getString("id")).toList();
    }

    private static AlertAction escalation(Situation s, Clearance clearance) {
        return new AlertAction("esc-" + s.id() + "-1-" + clearance, s.id(), s.district(), AlertActionKind.ESCALATE,
                "instance", "district_chief", null, "step 1 to district_chief", Alerts.T0);
    }

    private static Situation situation(String id, String indicatorId) {
        Situation.Member member = new Situation.Member("level:" + indicatorId + ":310101", indicatorId, "level",
                Level.RED, Level.RED, Alerts.T0, Alerts.T0, null, false, null);
        return new Situation(id, "310101", indicatorId, new Situation.Title("黄浦区 " + indicatorId,
                indicatorId + " in Huangpu"), Level.RED, Situation.State.OPEN, Alerts.T0, Alerts.T0,
                List.of(member.alertId()), List.of(), List.of(member), List.of(), null, null, null, List.of());
    }
}
