package org.cityvitals.dashboard.live;

import org.cityvitals.dashboard.feed.Position;
import org.cityvitals.dashboard.feed.Sequenced;
import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live view cut by clearance, as governance/classification.yaml classes the data: PM2.5 is open (the ecology
 * bureau publishes it), network-end water pressure, health scores and every alert (the alerts dataset) are internal.
 */
class ClearanceFilterTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final AccessScope SHANGHAI = new AccessScope(Set.of("shanghai"), true, Set.of());
    private static final Audience OPEN = new Audience(SHANGHAI, false, Clearance.OPEN);
    private static final Audience INTERNAL = new Audience(SHANGHAI, false, Clearance.INTERNAL);

    @Test
    void anOpenAudienceGetsOpenValuesOnlyAndNoAlertNorHealth() {
        LiveState state = new LiveState(100);
        state.latest().apply(value("air.pm25"));
        state.latest().apply(value("water.pressure_min"));
        state.health().apply(new HealthScoreValue("310101", T0, 75, Level.YELLOW, 1));
        state.append(new Sequenced(alert("pm", "air.pm25"), new Position("a0", 0, 0)));
        state.append(new Sequenced(alert("water", "water.pressure_min"), new Position("a0", 1, 0)));

        assertThat(state.latest(OPEN)).extracting(IndicatorValue::indicatorId).containsExactly("air.pm25");
        assertThat(state.openAlerts(OPEN)).as("an alert on an open indicator is internal").isEmpty();
        assertThat(state.health(OPEN)).isEmpty();
        assertThat(state.latest(INTERNAL)).extracting(IndicatorValue::indicatorId)
                .containsExactlyInAnyOrder("air.pm25", "water.pressure_min");
        assertThat(state.openAlerts(INTERNAL)).extracting(AlertEvent::alertId).containsExactlyInAnyOrder("pm", "water");
        assertThat(state.health(INTERNAL)).hasSize(1);
    }

    @Test
    void pushedMessagesCarryTheClassOfTheirDataAndReachOnlyAudiencesClearedForIt() {
        LiveState state = new LiveState(100);
        Outgoing water = state.append(new Sequenced(alert("water", "water.pressure_min"), new Position("a0", 0, 0)))
                .orElseThrow();
        Outgoing waterAction = state.append(new Sequenced(new AlertAction("act-1", "water", "310101",
                AlertActionKind.COMMENT, "ops", null, null, "valve closed", T0), new Position("x0", 0, 0)))
                .orElseThrow();
        Outgoing pmAlert = state.append(new Sequenced(alert("pm", "air.pm25"), new Position("a0", 1, 0)))
                .orElseThrow();
        Outgoing pmNote = state.append(new Sequenced(new AlertAction("act-2", "pm", "310101",
                AlertActionKind.COMMENT, "ops", null, null, "caller says smoke from a site", T0),
                new Position("x0", 1, 0))).orElseThrow();
        Outgoing pm = WireMessages.indicator(value("air.pm25"));
        Outgoing health = WireMessages.health(new HealthScoreValue("310101", T0, 75, Level.YELLOW, 1));

        assertThat(water.dataClass()).isEqualTo(Clearance.INTERNAL);
        assertThat(OPEN.admits(water)).isFalse();
        assertThat(OPEN.admits(waterAction)).isFalse();
        assertThat(OPEN.admits(health)).isFalse();
        assertThat(OPEN.admits(pm)).isTrue();
        assertThat(pmAlert.dataClass()).isEqualTo(Clearance.INTERNAL);
        assertThat(OPEN.admits(pmAlert)).isFalse();
        assertThat(OPEN.admits(pmNote)).isFalse();
        assertThat(INTERNAL.admits(pmAlert)).isTrue();
        assertThat(INTERNAL.admits(pmNote)).isTrue();
        assertThat(INTERNAL.admits(water)).isTrue();
        assertThat(INTERNAL.admits(waterAction)).isTrue();
        assertThat(INTERNAL.admits(health)).isTrue();
    }

    @Test
    void theFloodCountsOnlyAlertsTheAudienceMaySee() {
        LiveState state = new LiveState(100);
        for (int i = 0; i < 11; i++) {
            String indicator = i % 2 == 0 ? "water.pressure_min" : "air.pm25";
            state.append(new Sequenced(alert("alert-" + i, indicator), new Position("a0", i, 0)));
        }
        assertThat(state.flood(INTERNAL, T0.plusSeconds(60)).active()).isTrue();
        assertThat(state.flood(OPEN, T0.plusSeconds(60)).opened()).isZero();
        assertThat(state.flood(OPEN, T0.plusSeconds(60)).groups()).isEmpty();
    }

    private static IndicatorValue value(String indicator) {
        return new IndicatorValue(indicator, "310101", T0, T0.plusSeconds(60), 1, 10, Level.NORMAL, 1);
    }

    private static AlertEvent alert(String id, String indicator) {
        return new AlertEvent(id, 1, "level", indicator, "310101", AlertKind.OPENED, Level.RED, Level.NORMAL, 1, 1, T0,
                T0, AlertAudience.OPERATIONS, Origin.LIVE, "m");
    }
}
