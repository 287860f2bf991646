package org.cityvitals.dashboard.situation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.access.Role;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One class per situation, the same on every path: REST lists and details ({@link SituationIds#visibleTo}), the
 * frame the screens are pushed ({@link SituationVerticle#frame}) and a webhook ({@link WebhookNotifier}). By
 * docs/GOVERNANCE.md a situation is {@code internal} (the alerts dataset's class) unless an alert among its members is
 * of a higher class, and an indicator the data standard does not classify fails closed as {@code sensitive}.
 * A test catalogue's indicator that the shipped classification does not know makes the two rules the paths once
 * followed disagree (the situations dataset's class, {@code internal}, against the highest member's,
 * {@code sensitive}); for every indicator of the shipped catalogue they agree.
 */
class SituationClassTest {

    /** An indicator of a test catalogue, not in the shipped data standard's classification. */
    private static final String UNCLASSIFIED = "test.indicator_not_in_the_standard";

    private static final PlatformUser INTERNAL_OPERATOR = user("ops-internal", Clearance.INTERNAL);
    private static final PlatformUser SENSITIVE_ADMIN = user("admin-sensitive", Clearance.SENSITIVE);

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void aSituationWithAMemberOfAHigherClassIsOfThatClassOnEveryPath() {
        Situation s = situation(UNCLASSIFIED);

        assertThat(SituationIds.classOf(s)).isEqualTo(Clearance.SENSITIVE);
        assertThat(SituationVerticle.frame(s).dataClass()).isEqualTo(Clearance.SENSITIVE);
        assertThat(SituationIds.visibleTo(INTERNAL_OPERATOR, s)).isFalse();
        assertThat(SituationIds.visibleTo(SENSITIVE_ADMIN, s)).isTrue();
        assertThat(deliveredTo(Clearance.INTERNAL, s)).isFalse();
    }

    @Test
    void forEveryIndicatorOfTheShippedCatalogueASituationIsInternalOnEveryPath() {
        List<IndicatorDefinition> shipped = IndicatorCatalogue.loadDefault().all();
        assertThat(shipped).isNotEmpty();
        for (IndicatorDefinition indicator : shipped) {
            Situation s = situation(indicator.id());
            assertThat(SituationIds.classOf(s)).as(indicator.id()).isEqualTo(Clearance.INTERNAL);
            assertThat(SituationVerticle.frame(s).dataClass()).as(indicator.id()).isEqualTo(Clearance.INTERNAL);
            assertThat(SituationIds.visibleTo(INTERNAL_OPERATOR, s)).as(indicator.id()).isTrue();
        }
        assertThat(SituationIds.visibleTo(user("analyst-open", Clearance.OPEN), situation("air.pm25"))).isFalse();
    }

    /**
     * Whether a webhook cleared for {@code clearance} would be sent the situation's escalation: a situation above
     * the clearance is withheld at once, before any request; one within it goes on to the receiver, here an address
     * where nothing listens, so its delivery fails after its one attempt for another reason.
     */
    private static boolean deliveredTo(Clearance clearance, Situation s) {
        WebhookNotifier notifier = new WebhookNotifier(vertx, new WebhookNotifier.Settings("http://127.0.0.1:9/hook",
                "secret".getBytes(StandardCharsets.UTF_8), 1, Duration.ofMillis(100), Duration.ofSeconds(2),
                clearance), Clock.systemUTC(), delivery -> { });
        Future<Void> sent = notifier.send(s, new AlertAction("esc-" + s.id() + "-1", s.id(), s.district(),
                AlertActionKind.ESCALATE, "instance", "district_chief", null, "step 1", Alerts.T0));
        try {
            sent.await(10, TimeUnit.SECONDS);
        } catch (Exception failed) {
            // withheld or undeliverable: which one, the counter says
        } finally {
            notifier.close();
        }
        return notifier.withheld() == 0;
    }

    private static PlatformUser user(String name, Clearance clearance) {
        return new PlatformUser(name, "not-a-password-hash", name, Role.OPERATOR,
                new AccessScope(Set.of("shanghai"), true, Set.of()), clearance, List.of());
    }

    private static Situation situation(String indicatorId) {
        Situation.Member member = new Situation.Member("level:" + indicatorId + ":310101", indicatorId, "level",
                Level.RED, Level.RED, Alerts.T0, Alerts.T0, null, false, null);
        return new Situation("sit-310101-" + indicatorId + "-1", "310101", indicatorId,
                new Situation.Title("黄浦区 " + indicatorId, indicatorId + " in Huangpu"), Level.RED,
                Situation.State.OPEN, Alerts.T0, Alerts.T0, List.of(member.alertId()), List.of(), List.of(member),
                List.of(), null, null, null, List.of());
    }
}
