package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;

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

    private static IndicatorValue value(Instant windowStart, long version, double value) {
        return new IndicatorValue("air.pm25", "310101", windowStart, windowStart.plusSeconds(60), value, 10,
                Level.NORMAL, version);
    }

    private static AlertEvent alert(String id, int version, AlertKind kind, Level level) {
        return new AlertEvent(id, version, "level", "air.pm25", "310101", kind, level, Level.NORMAL, 1, 1, T0,
                T0.plusSeconds(version), AlertAudience.OPERATIONS, Origin.LIVE, "m");
    }
}
