package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.ResponseIndicators;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.store.situation.SituationResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The centre's response-time indicators of one window, worked out by hand: minutes from opening to the step, mean per
 * district and over the city, levels by the catalogue's thresholds (acknowledge: blue 2, yellow 5, orange 15, red 30
 * min; dispatch 10/15/30/60; resolve 60/120/240/480).
 */
class ResponseIndicatorValuesTest {

    private static final ResponseIndicators INDICATORS = ResponseIndicators.of(IndicatorCatalogue.loadDefault());
    private static final Instant H = Instant.parse("2024-11-20T02:00:00Z");
    private static final String XUHUI = "310104";
    private static final String CHANGNING = "310105";

    private static Instant at(int minutes) {
        return H.plus(Duration.ofMinutes(minutes));
    }

    private static SituationResponse response(String id, String district, String hazard, int opened, Integer acked,
                                              Integer dispatched, Integer resolved) {
        return new SituationResponse(id, district, hazard, "yellow", at(opened), acked == null ? null : at(acked),
                dispatched == null ? null : at(dispatched), resolved == null ? null : at(resolved),
                resolved == null ? null : "weather", 1);
    }

    private static final List<SituationResponse> RESPONSES = List.of(
            // a rainstorm acknowledged after 7 minutes with a work order, resolved after 40
            response("s1", XUHUI, "rainstorm", 0, 7, 7, 40),
            // an air-pollution episode acknowledged after 3 minutes, resolved in the next hour
            response("s2", XUHUI, "pollution", 10, 13, null, 70),
            // traffic congestion (in no hazard: keyed by its indicator) acknowledged after 20 minutes, with a work order
            response("s3", CHANGNING, "traffic.tpi", 5, 25, 25, null),
            // acknowledged the hour before: nothing of it in this window
            response("s0", CHANGNING, "rainstorm", -50, -45, null, null));

    private static List<IndicatorValue> hour(int startMinutes) {
        return ResponseIndicatorValues.of(INDICATORS.all(), at(startMinutes), at(startMinutes + 60), RESPONSES);
    }

    private static IndicatorValue value(List<IndicatorValue> values, String indicator, String area) {
        return values.stream().filter(v -> v.indicatorId().equals(indicator) && v.district().equals(area))
                .findFirst().orElseThrow(() -> new AssertionError("no " + indicator + " in " + area + ": " + values));
    }

    @Test
    void eachStepTakenInTheWindowCountsPerDistrictHazardAndCity() {
        List<IndicatorValue> values = hour(0);
        // acknowledge: Xuhui (7 + 3) / 2 = 5.0 → yellow; Changning 20 → orange; Shanghai (7 + 3 + 20) / 3 = 10 → yellow
        assertThat(value(values, "operations.time_to_acknowledge", XUHUI))
                .isEqualTo(new IndicatorValue("operations.time_to_acknowledge", XUHUI, at(0), at(60), 5.0, 2,
                        Level.YELLOW, 2));
        assertThat(value(values, "operations.time_to_acknowledge", CHANGNING).level()).isEqualTo(Level.ORANGE);
        IndicatorValue city = value(values, "operations.time_to_acknowledge", "310000");
        assertThat(city.value()).isEqualTo(10.0);
        assertThat(city.samples()).isEqualTo(3);
        assertThat(city.level()).isEqualTo(Level.YELLOW);
        // per hazard: the rainstorm's 7 minutes (yellow), the pollution episode's 3 (blue)
        assertThat(value(values, "operations.time_to_acknowledge.rainstorm", XUHUI).value()).isEqualTo(7.0);
        assertThat(value(values, "operations.time_to_acknowledge.rainstorm", XUHUI).level()).isEqualTo(Level.YELLOW);
        assertThat(value(values, "operations.time_to_acknowledge.pollution", "310000").value()).isEqualTo(3.0);
        assertThat(value(values, "operations.time_to_acknowledge.pollution", "310000").level()).isEqualTo(Level.BLUE);
        // dispatch: Xuhui 7 → normal; Changning 20 → yellow; the city (7 + 20) / 2 = 13.5 → blue
        assertThat(value(values, "operations.time_to_dispatch", XUHUI).level()).isEqualTo(Level.NORMAL);
        assertThat(value(values, "operations.time_to_dispatch", CHANGNING).level()).isEqualTo(Level.YELLOW);
        assertThat(value(values, "operations.time_to_dispatch", "310000").value()).isEqualTo(13.5);
        assertThat(value(values, "operations.time_to_dispatch", "310000").level()).isEqualTo(Level.BLUE);
        // resolve: only the rainstorm, after 40 minutes → normal
        assertThat(value(values, "operations.time_to_resolve", XUHUI).value()).isEqualTo(40.0);
        // nothing for steps not taken: no outage, no rainstorm in Changning this hour, no dispatch of pollution
        assertThat(values).noneMatch(v -> v.indicatorId().endsWith(".outage"));
        assertThat(values).noneMatch(v -> v.indicatorId().equals("operations.time_to_acknowledge.rainstorm")
                && v.district().equals(CHANGNING));
        assertThat(values).noneMatch(v -> v.indicatorId().equals("operations.time_to_dispatch.pollution"));
        assertThat(values).noneMatch(v -> v.indicatorId().equals("operations.time_to_resolve")
                && v.district().equals(CHANGNING));
    }

    @Test
    void aStepCountsInTheWindowItWasTakenIn() {
        // the pollution episode resolved at 70 minutes, 60 after it opened → blue
        List<IndicatorValue> next = hour(60);
        assertThat(value(next, "operations.time_to_resolve.pollution", XUHUI).value()).isEqualTo(60.0);
        assertThat(value(next, "operations.time_to_resolve.pollution", XUHUI).level()).isEqualTo(Level.BLUE);
        assertThat(next).noneMatch(v -> v.indicatorId().startsWith("operations.time_to_acknowledge"));
        // s0 acknowledged at -45: in the hour before
        List<IndicatorValue> before = hour(-60);
        assertThat(value(before, "operations.time_to_acknowledge", CHANGNING).value()).isEqualTo(5.0);
    }
}
