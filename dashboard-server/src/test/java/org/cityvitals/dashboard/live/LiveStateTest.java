package org.cityvitals.dashboard.live;

import org.cityvitals.dashboard.feed.Position;
import org.cityvitals.dashboard.feed.Sequenced;
import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The latest values and open alerts converge whatever order the catch-up and the live stream deliver in. */
class LiveStateTest {

    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    @Test
    void latestValueIsTheNewestWindowAndWithinAWindowTheHighestVersion() {
        NewestByKey<IndicatorValue> latest = NewestByKey.indicatorValues();
        assertThat(latest.apply(value(T0.plusSeconds(60), 1, 70))).isTrue();
        assertThat(latest.apply(value(T0, 3, 99))).as("an older window, even corrected").isFalse();
        assertThat(latest.apply(value(T0.plusSeconds(60), 2, 72))).as("a correction of the newest").isTrue();
        assertThat(latest.apply(value(T0.plusSeconds(60), 1, 70))).as("a replayed earlier version").isFalse();
        assertThat(latest.all()).extracting(IndicatorValue::value).containsExactly(72.0);
    }

    @Test
    void healthScoresKeepTheNewestPerDistrict() {
        NewestByKey<HealthScoreValue> health = NewestByKey.healthScores();
        assertThat(health.apply(new HealthScoreValue("310101", T0.plusSeconds(60), 80, Level.BLUE, 1))).isTrue();
        assertThat(health.apply(new HealthScoreValue("310000", T0, 90, Level.NORMAL, 1))).as("another key").isTrue();
        assertThat(health.apply(new HealthScoreValue("310101", T0, 40, Level.RED, 5))).as("older window").isFalse();
        assertThat(health.all()).extracting(HealthScoreValue::score).containsExactlyInAnyOrder(80.0, 90.0);
    }

    @Test
    void openAlertsMergeByVersionAndResolvedAlertsStayResolved() {
        OpenAlerts open = new OpenAlerts();
        assertThat(open.apply(alert("a", 2, AlertKind.LEVEL_CHANGED, Level.RED))).isTrue();
        assertThat(open.apply(alert("a", 1, AlertKind.OPENED, Level.ORANGE))).isFalse();
        assertThat(open.all()).extracting(AlertEvent::level).containsExactly(Level.RED);

        assertThat(open.apply(alert("a", 3, AlertKind.RESOLVED, Level.NORMAL))).isTrue();
        assertThat(open.apply(alert("a", 2, AlertKind.LEVEL_CHANGED, Level.RED))).as("replayed").isFalse();
        assertThat(open.all()).isEmpty();

        assertThat(open.apply(alert("b", 0, AlertKind.OPENED, Level.BLUE))).as("versions may start at 0").isTrue();
        assertThat(open.all()).extracting(AlertEvent::alertId).containsExactly("b");
    }

    @Test
    void backfilledAlertsNeverReachTheLiveViewAndPlatformAlarmsOnlyPlatformStaff() {
        LiveState state = new LiveState(100);
        AlertEvent live = alert("live", 1, AlertKind.OPENED, Level.RED);
        AlertEvent backfill = withOrigin(alert("history", 1, AlertKind.OPENED, Level.RED), AlertAudience.OPERATIONS,
                Origin.BACKFILL);
        AlertEvent platform = withOrigin(alert("feed-stalled", 1, AlertKind.OPENED, Level.RED),
                AlertAudience.PLATFORM, Origin.LIVE);

        assertThat(state.append(new Sequenced(live, new Position("a0", 0, 0)))).isPresent();
        assertThat(state.append(new Sequenced(backfill, new Position("a0", 1, 0)))).isEmpty();
        assertThat(state.append(new Sequenced(platform, new Position("a0", 2, 0)))).get()
                .extracting(Outgoing::platformOnly).isEqualTo(true);
        assertThat(state.append(new Sequenced(live, new Position("a0", 0, 0)))).as("a replay").isEmpty();

        AccessScope shanghai = new AccessScope(Set.of("shanghai"), true, Set.of());
        assertThat(state.openAlerts(new Audience(shanghai, false))).extracting(AlertEvent::alertId)
                .containsExactly("live");
        assertThat(state.openAlerts(new Audience(shanghai, true))).extracting(AlertEvent::alertId)
                .containsExactlyInAnyOrder("live", "feed-stalled");
    }

    @Test
    void anActionBroughtByBothClickHouseAndKafkaCountsOnce() {
        LiveState state = new LiveState(100);
        state.applyStored(alert("a", 1, AlertKind.OPENED, Level.RED));
        AlertAction comment = new AlertAction("act-1", "a", "310101", AlertActionKind.COMMENT, "ops", null, null,
                "on it", T0);
        state.applyStored(comment);
        state.append(new Sequenced(comment, new Position("x0", 0, 0)));
        Audience everyone = new Audience(new AccessScope(Set.of("shanghai"), true, Set.of()), true);
        assertThat(state.handling(everyone)).singleElement().extracting(AlertHandling::comments).isEqualTo(1);
    }

    private static AlertEvent withOrigin(AlertEvent a, AlertAudience audience, Origin origin) {
        return new AlertEvent(a.alertId(), a.version(), a.rule(), a.indicatorId(), a.district(), a.kind(), a.level(),
                a.previousLevel(), a.value(), a.threshold(), a.since(), a.eventTime(), audience, origin,
                a.message());
    }

    private static IndicatorValue value(Instant windowStart, long version, double value) {
        return new IndicatorValue("air.pm25", "310101", windowStart, windowStart.plusSeconds(60), value, 10,
                Level.NORMAL, version);
    }

    private static AlertEvent alert(String id, int version, AlertKind kind, Level level) {
        return new AlertEvent(id, version, "level", "air.pm25", "310101", kind, level, Level.NORMAL, 1, 1, T0,
                T0.plusSeconds(version), AlertAudience.OPERATIONS, Origin.LIVE, "m");
    }
}
