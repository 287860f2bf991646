package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.store.situation.MaintenanceWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityvitals.dashboard.situation.Alerts.at;
import static org.cityvitals.dashboard.situation.Alerts.opened;

/**
 * Which alerts planned work explains, worked out from the shipped sensor file (sh-310101-water-pressure-01 reports
 * water_pressure in Huangpu), metrics (water_pressure is of the water network) and catalogue (water.pressure_min is
 * computed from water_pressure; power.fault_backlog counts utility faults) by hand. The window runs from minute 10
 * to minute 70 of Alerts.T0.
 */
class MaintenanceTest {

    private static final String HUANGPU = "310101";
    private static final String XUHUI = "310104";
    private static final String SENSOR = "sh-310101-water-pressure-01";

    private final Maintenance maintenance = SituationBookTest.noMaintenance();

    private static MaintenanceWindow window(String id, String kind, String target, String area) {
        return new MaintenanceWindow(id, kind, target, area, at(10), at(70), "valve replacement", "ops", at(0), 1);
    }

    private Optional<String> explaining(AlertEvent alert) {
        return maintenance.explaining(alert.indicatorId(), alert.district(), alert.since())
                .map(MaintenanceWindow::windowId);
    }

    @Test
    void workOnASensorExplainsItsDistrictsAlertsOnItsMetricBegunDuringTheWork() {
        maintenance.apply(window("w1", "sensor", SENSOR, HUANGPU));
        assertThat(explaining(opened("water.pressure_min", HUANGPU, Level.RED, 15))).contains("w1");
        assertThat(explaining(opened("water.pressure_compliance", HUANGPU, Level.ORANGE, 69))).contains("w1");
        // begun before the work, or when it was over: real alarms
        assertThat(explaining(opened("water.pressure_min", HUANGPU, Level.RED, 9))).isEmpty();
        assertThat(explaining(opened("water.pressure_min", HUANGPU, Level.RED, 70))).isEmpty();
        // another district's pressure, another metric in the district
        assertThat(explaining(opened("water.pressure_min", XUHUI, Level.RED, 15))).isEmpty();
        assertThat(explaining(opened("air.pm25", HUANGPU, Level.RED, 15))).isEmpty();
    }

    @Test
    void workOnADistrictsNetworkExplainsTheNetworksIndicatorsThereOnly() {
        maintenance.apply(window("w2", "network", "water", XUHUI));
        assertThat(explaining(opened("water.pressure_min", XUHUI, Level.RED, 15))).contains("w2");
        assertThat(explaining(opened("water.pressure_min", HUANGPU, Level.RED, 15))).isEmpty();
        assertThat(explaining(opened("power.outage_customers", XUHUI, Level.RED, 15))).isEmpty();
    }

    @Test
    void workOnASourceCityWideExplainsTheIndicatorsCountingItsIncidentsInEveryDistrict() {
        maintenance.apply(window("w3", "source", "utility", "310000"));
        assertThat(explaining(opened("power.fault_backlog", HUANGPU, Level.ORANGE, 15))).contains("w3");
        assertThat(explaining(opened("power.fault_backlog", XUHUI, Level.ORANGE, 15))).contains("w3");
        assertThat(explaining(opened("hotline.new_per_hour", XUHUI, Level.ORANGE, 15))).isEmpty();
    }

    @Test
    void endingAWindowEarlyReplacesItAndAnOlderVersionChangesNothing() {
        MaintenanceWindow declared = window("w4", "sensor", SENSOR, HUANGPU);
        MaintenanceWindow ended = new MaintenanceWindow("w4", "sensor", SENSOR, HUANGPU, at(10), at(20),
                "valve replacement", "ops", at(0), 2);
        assertThat(maintenance.apply(declared)).isTrue();
        assertThat(maintenance.apply(ended)).isTrue();
        assertThat(maintenance.apply(declared)).as("a replay of the older version").isFalse();
        assertThat(explaining(opened("water.pressure_min", HUANGPU, Level.RED, 25))).isEmpty();
        assertThat(maintenance.all()).containsExactly(ended);
    }

    @Test
    void aDeclarationTakesASensorsDistrictAndRefusesWhatDoesNotExist() {
        assertThat(maintenance.area(Maintenance.Kind.SENSOR, SENSOR, null)).isEqualTo(HUANGPU);
        assertThatThrownBy(() -> maintenance.area(Maintenance.Kind.SENSOR, SENSOR, XUHUI))
                .hasMessage("sensor " + SENSOR + " is in district 310101, not 310104");
        assertThatThrownBy(() -> maintenance.area(Maintenance.Kind.SENSOR, "no-such-sensor", null))
                .hasMessage("unknown sensor 'no-such-sensor'");
        assertThatThrownBy(() -> maintenance.area(Maintenance.Kind.NETWORK, "water", "310000"))
                .hasMessage("area must name a district, was 310000");
        assertThatThrownBy(() -> maintenance.area(Maintenance.Kind.NETWORK, "sewage", XUHUI))
                .hasMessageStartingWith("unknown network 'sewage', expected one of air, ");
        assertThat(maintenance.area(Maintenance.Kind.SOURCE, "12345", "310000")).isEqualTo("310000");
    }

    @Test
    void aSituationThatPlannedWorkExplainsWholeDoesNotEscalate() {
        maintenance.apply(window("w5", "sensor", SENSOR, HUANGPU));
        SituationBook book = new SituationBook(SituationBookTest.RULES, SituationBookTest.CATALOGUE, maintenance);
        book.apply(opened("water.pressure_min", HUANGPU, Level.RED, 15));
        Situation s = book.all().get(0);
        assertThat(s.members()).extracting(Situation.Member::maintenance).containsExactly("w5");
        assertThat(s.inMaintenance()).isTrue();
        // the red policy's first step is due 5 minutes after the opening; planned work calls nobody out
        assertThat(new EscalationPlanner(SituationBookTest.RULES).due(s, at(60), (x, y) -> false)).isEmpty();
    }

    @Test
    void declaringAWindowMarksTheMembersOfSituationsAlreadyDerived() {
        SituationBook book = new SituationBook(SituationBookTest.RULES, SituationBookTest.CATALOGUE, maintenance);
        book.apply(opened("water.pressure_min", HUANGPU, Level.RED, 15));
        assertThat(book.all().get(0).members().get(0).maintenance()).isNull();
        maintenance.apply(window("w6", "sensor", SENSOR, HUANGPU));
        book.recheckMaintenance();
        SituationBook.Changes changes = book.settle();
        assertThat(changes.changed()).hasSize(1);
        assertThat(changes.changed().get(0).members().get(0).maintenance()).isEqualTo("w6");
    }

    @Test
    void theWindowCoversItsStartAndNotItsEnd() {
        MaintenanceWindow w = window("w7", "sensor", SENSOR, HUANGPU);
        assertThat(w.covers(at(10))).isTrue();
        assertThat(w.covers(at(70))).isFalse();
        assertThat(w.activeAt(Instant.parse("2026-07-01T06:30:00Z"))).isTrue();
    }
}
