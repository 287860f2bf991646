package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.indicators.catalogue.SituationRules;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.dashboard.situation.Alerts.T0;
import static org.cityvitals.dashboard.situation.Alerts.action;
import static org.cityvitals.dashboard.situation.Alerts.at;
import static org.cityvitals.dashboard.situation.Alerts.backfilled;
import static org.cityvitals.dashboard.situation.Alerts.opened;
import static org.cityvitals.dashboard.situation.Alerts.openedByRule;
import static org.cityvitals.dashboard.situation.Alerts.raised;
import static org.cityvitals.dashboard.situation.Alerts.resolved;

/** Grouping and inhibition with the shipped rules (catalogue/situations.yaml), worked through by hand. */
class SituationBookTest {

    static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.loadDefault();
    static final SituationRules RULES = SituationRules.loadDefault(CATALOGUE).orThrow();
    private static final String HUANGPU = "310101";
    private static final String PUDONG = "310115";

    private final SituationBook book = new SituationBook(RULES, CATALOGUE, noMaintenance());

    /** No planned work declared (yet): the shipped sensors and metrics, no window. */
    static Maintenance noMaintenance() {
        return new Maintenance(CATALOGUE, SensorRegistry.shanghai(), MetricRegistry.loadDefault());
    }

    private void feed(AlertEvent... events) {
        for (AlertEvent e : events) {
            book.apply(e);
        }
    }

    @Test
    void aRainstormInOneDistrictIsOneSituationWithItsMembers() {
        AlertEvent rain = opened("weather.rain_3h", HUANGPU, Level.ORANGE, 0);
        AlertEvent ponding = opened("flood.ponding_depth", HUANGPU, Level.YELLOW, 10);
        AlertEvent river = opened("flood.river_level", HUANGPU, Level.BLUE, 20);
        AlertEvent drains = opened("infra.fault_backlog", HUANGPU, Level.BLUE, 40);
        feed(rain, ponding, river, drains, raised(ponding, Level.RED, 45));

        assertThat(book.all()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("sit-310101-rainstorm-" + T0.getEpochSecond());
            assertThat(s.district()).isEqualTo(HUANGPU);
            assertThat(s.title().zh()).isEqualTo("黄浦区 暴雨内涝");
            assertThat(s.title().en()).isEqualTo("Rainstorm flooding in Huangpu");
            assertThat(s.level()).isEqualTo(Level.RED); // the ponding alert was raised to red at minute 45
            assertThat(s.alertIds()).containsExactly(rain.alertId(), ponding.alertId(), river.alertId(),
                    drains.alertId());
            assertThat(s.suppressedAlertIds()).isEmpty();
            assertThat(s.open()).isTrue();
            assertThat(s.openedAt()).isEqualTo(T0);
            assertThat(s.timeline()).extracting(Situation.TimelineEntry::at)
                    .containsExactly(at(0), at(10), at(20), at(40), at(45));
        });
    }

    @Test
    void theSameHazardInAnotherDistrictIsAnotherSituation() {
        feed(opened("weather.rain_3h", HUANGPU, Level.ORANGE, 0), opened("weather.rain_3h", PUDONG, Level.ORANGE, 0));
        assertThat(book.all()).extracting(Situation::district).containsExactlyInAnyOrder(HUANGPU, PUDONG);
    }

    @Test
    void twoRulesOnOneIndicatorAreOneSituationAndUnrelatedIndicatorsAreNot() {
        // the pollution case: PM2.5 level and PM2.5 rate of change, one cause
        feed(opened("air.pm25", HUANGPU, Level.YELLOW, 0), openedByRule("rate_of_change", "air.pm25", HUANGPU,
                Level.YELLOW, 3), opened("traffic.tpi", HUANGPU, Level.BLUE, 5));
        assertThat(book.all()).extracting(Situation::hazard).containsExactlyInAnyOrder("pollution", "traffic.tpi");
        assertThat(book.all()).filteredOn(s -> s.hazard().equals("pollution")).singleElement()
                .satisfies(s -> assertThat(s.alertIds()).hasSize(2));
        assertThat(book.all()).filteredOn(s -> s.hazard().equals("traffic.tpi")).singleElement()
                .satisfies(s -> assertThat(s.title().en()).isEqualTo("Traffic performance index in Huangpu"));
    }

    @Test
    void anOutageInhibitsWaterPressureInItsDistrictOnly() {
        AlertEvent outage = opened("power.outage_customers", HUANGPU, Level.ORANGE, 0);
        AlertEvent pressure = opened("water.pressure_min", HUANGPU, Level.RED, 4);
        AlertEvent pressureElsewhere = opened("water.pressure_min", PUDONG, Level.RED, 4);
        feed(pressure, pressureElsewhere, outage); // the pressure alert may arrive first: it moves in when the outage does

        Situation outageSituation = book.all().stream().filter(s -> s.hazard().equals("outage")).findFirst()
                .orElseThrow();
        assertThat(outageSituation.alertIds()).containsExactly(outage.alertId(), pressure.alertId());
        assertThat(outageSituation.suppressedAlertIds()).containsExactly(pressure.alertId());
        assertThat(outageSituation.level()).isEqualTo(Level.ORANGE); // a suppressed red is not the situation's level
        assertThat(book.suppressedBy(pressure.alertId())).contains(outageSituation.id());
        assertThat(book.suppressedBy(pressureElsewhere.alertId())).isEmpty();
        assertThat(book.all()).extracting(Situation::hazard)
                .containsExactlyInAnyOrder("outage", "water.pressure_min");
    }

    @Test
    void aPressureAlertAfterTheOutageEndedIsNotExplainedByIt() {
        AlertEvent outage = opened("power.outage_customers", HUANGPU, Level.ORANGE, 0);
        feed(outage, resolved(outage, 30), opened("water.pressure_min", HUANGPU, Level.RED, 31));
        assertThat(book.all()).extracting(Situation::hazard)
                .containsExactlyInAnyOrder("outage", "water.pressure_min");
    }

    @Test
    void anAlertWithinTheWindowAfterTheLastResolvedJoinsAndOneAfterItStartsAnother() {
        AlertEvent first = opened("flood.ponding_depth", HUANGPU, Level.YELLOW, 0);
        feed(first, resolved(first, 30));
        assertThat(book.all()).singleElement().satisfies(s -> assertThat(s.open()).isFalse());
        feed(opened("flood.river_level", HUANGPU, Level.BLUE, 150)); // 30 + 120 min window: still the same
        assertThat(book.all()).singleElement().satisfies(s -> {
            assertThat(s.alertIds()).hasSize(2);
            assertThat(s.open()).isTrue();
        });
        feed(opened("weather.rain_3h", HUANGPU, Level.BLUE, 400)); // river level still open: joins too
        assertThat(book.all()).hasSize(1);
    }

    @Test
    void anAlertBeyondTheWindowStartsANewSituation() {
        AlertEvent first = opened("flood.ponding_depth", HUANGPU, Level.YELLOW, 0);
        feed(first, resolved(first, 30), opened("flood.river_level", HUANGPU, Level.BLUE, 151));
        assertThat(book.all()).extracting(Situation::id).containsExactlyInAnyOrder(
                "sit-310101-rainstorm-" + T0.getEpochSecond(), "sit-310101-rainstorm-" + at(151).getEpochSecond());
    }

    @Test
    void aPersonResolvesOnceWithACauseAndLaterAlertsOpenANewSituation() {
        AlertEvent ponding = opened("flood.ponding_depth", HUANGPU, Level.YELLOW, 0);
        feed(ponding);
        String id = book.all().get(0).id();
        book.apply(action(id, HUANGPU, AlertActionKind.ACKNOWLEDGE, "huangpu", null, 2));
        book.apply(Alerts.resolution(id, HUANGPU, "huangpu", "weather", "pumps cleared the underpass", 20));
        Situation done = book.find(id).orElseThrow();
        assertThat(done.open()).isFalse();
        assertThat(done.acknowledged().user()).isEqualTo("huangpu");
        assertThat(done.resolved()).isEqualTo(new Situation.Resolution("huangpu", "weather",
                "pumps cleared the underpass", at(20)));
        feed(opened("flood.river_level", HUANGPU, Level.BLUE, 25));
        assertThat(book.all()).hasSize(2).filteredOn(Situation::open).singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo("sit-310101-rainstorm-" + at(25).getEpochSecond()));
    }

    @Test
    void backfillsAndPlatformAlarmsNeverFormSituations() {
        feed(backfilled("weather.rain_3h", HUANGPU, Level.RED, 0));
        assertThat(book.all()).isEmpty();
    }

    @Test
    void aRepeatedTransitionChangesNothing() {
        AlertEvent rain = opened("weather.rain_3h", HUANGPU, Level.ORANGE, 0);
        assertThat(book.apply(rain).changed()).hasSize(1);
        assertThat(book.apply(rain).isEmpty()).isTrue();
    }

    @Test
    void anEarlierAlertArrivingLateMergesAndWithdrawsTheLaterSituation() {
        AlertEvent late = opened("flood.river_level", HUANGPU, Level.BLUE, 10);
        SituationBook.Changes first = book.apply(late);
        String laterId = first.changed().get(0).id();
        SituationBook.Changes merged = book.apply(opened("weather.rain_3h", HUANGPU, Level.ORANGE, 0));
        assertThat(merged.withdrawn()).containsExactly(laterId);
        assertThat(merged.changed()).singleElement().satisfies(s -> assertThat(s.alertIds()).hasSize(2));
        assertThat(List.of(laterId)).doesNotContain(book.all().get(0).id());
    }
}
