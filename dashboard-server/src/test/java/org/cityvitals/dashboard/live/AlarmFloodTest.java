package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.AlertKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** ISA-18.2's flood: more than 10 openings in 10 minutes in one scope, grouped by rule and indicator. */
class AlarmFloodTest {

    private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");
    private static final AccessScope EVERYTHING = new AccessScope(Set.of("shanghai"), true, Set.of());
    private static final AccessScope HUANGPU = new AccessScope(Set.of("shanghai"), false, Set.of("310101"));

    @Test
    void tenOpeningsAreNoFloodTheEleventhIsAndGroupsCountRuleIndicatorAndDistricts() {
        AlarmFlood flood = new AlarmFlood();
        for (int i = 0; i < 7; i++) {
            flood.observe(opened("pm-" + i, "level", "air.pm25", i % 2 == 0 ? "310101" : "310115", 60));
        }
        for (int i = 0; i < 3; i++) {
            flood.observe(opened("tpi-" + i, "rate_of_change", "traffic.tpi", "310104", 60));
        }
        assertThat(flood.state(EVERYTHING, NOW).active()).isFalse();

        flood.observe(opened("gas-0", "no_data", "gas.lel", "310104", 60));
        AlarmFlood.State state = flood.state(EVERYTHING, NOW);

        assertThat(state.active()).isTrue();
        assertThat(state.opened()).isEqualTo(11);
        assertThat(state.groups()).containsExactly(
                new AlarmFlood.Group("level", "air.pm25", 7, List.of("310101", "310115")),
                new AlarmFlood.Group("rate_of_change", "traffic.tpi", 3, List.of("310104")),
                new AlarmFlood.Group("no_data", "gas.lel", 1, List.of("310104")));
    }

    @Test
    void onlyOpeningsInTheScopeAndTheLastTenMinutesCountAndRepeatsCountOnce() {
        AlarmFlood flood = new AlarmFlood();
        for (int i = 0; i < 11; i++) {
            flood.observe(opened("old-" + i, "level", "air.pm25", "310101", 11 * 60));
            flood.observe(opened("pudong-" + i, "level", "air.pm25", "310115", 60));
            flood.observe(opened("repeat", "level", "air.pm25", "310101", 60));
        }
        flood.observe(changed("changed", "310101"));

        assertThat(flood.state(EVERYTHING, NOW).active()).as("pudong's 11").isTrue();
        AlarmFlood.State huangpu = flood.state(HUANGPU, NOW);
        assertThat(huangpu.active()).isFalse();
        assertThat(huangpu.opened()).as("one repeated opening; old and level changes do not count").isEqualTo(1);
    }

    @Test
    void platformAlarmsAndBackfilledAlertsNeverFloodADistrict() {
        AlarmFlood flood = new AlarmFlood();
        for (int i = 0; i < 20; i++) {
            AlertEvent a = opened("p-" + i, "no_data", "air.pm25", "310101", 60);
            flood.observe(new AlertEvent(a.alertId(), 1, a.rule(), a.indicatorId(), a.district(), a.kind(), a.level(),
                    a.previousLevel(), 1, 1, a.eventTime(), a.eventTime(), AlertAudience.PLATFORM,
                    Origin.LIVE, "m"));
            flood.observe(new AlertEvent("b-" + i, 1, a.rule(), a.indicatorId(), a.district(), a.kind(), a.level(),
                    a.previousLevel(), 1, 1, a.eventTime(), a.eventTime(), AlertAudience.OPERATIONS,
                    Origin.BACKFILL, "m"));
        }
        assertThat(flood.state(EVERYTHING, NOW).opened()).isZero();
    }

    private static AlertEvent opened(String id, String rule, String indicator, String district, long secondsAgo) {
        return new AlertEvent(id, 1, rule, indicator, district, AlertKind.OPENED, Level.YELLOW, Level.NORMAL, 1, 1,
                NOW.minusSeconds(secondsAgo), NOW.minusSeconds(secondsAgo), AlertAudience.OPERATIONS, Origin.LIVE, "m");
    }

    private static AlertEvent changed(String id, String district) {
        return new AlertEvent(id, 2, "level", "air.pm25", district, AlertKind.LEVEL_CHANGED, Level.RED,
                Level.YELLOW, 1, 1, NOW, NOW, AlertAudience.OPERATIONS, Origin.LIVE, "m");
    }
}
