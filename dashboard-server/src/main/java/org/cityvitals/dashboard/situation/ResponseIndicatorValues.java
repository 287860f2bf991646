package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.catalogue.CityAggregation;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.ResponseIndicators;
import org.cityvitals.indicators.catalogue.ResponseStep;
import org.cityvitals.indicators.catalogue.TimeUnits;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.store.situation.SituationResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values of the operations centre's response-time indicators in one closed window, as the catalogue defines
 * them: for each indicator, the situations (of its hazard, or all) whose step — acknowledgement, first work order,
 * resolution — was taken in the window; per district and, with {@code city: pooled}, per city (keyed by the city's
 * code), the mean time from the situation's opening to the step in the indicator's unit, the number of situations
 * as samples, and the level by the indicator's thresholds for that area. A window in which no situation took the
 * step has no value ({@code when_silent: nothing}), like an incident duration in which no case moved.
 *
 * <p>The version is the number of samples: every instance computing a window from the same responses writes the
 * same row, and a window computed again after a late response knows more steps and wins.
 */
final class ResponseIndicatorValues {

    private ResponseIndicatorValues() {}

    static List<IndicatorValue> of(List<IndicatorDefinition> indicators, Instant start, Instant end,
                                   List<SituationResponse> responses) {
        List<IndicatorValue> values = new ArrayList<>();
        for (IndicatorDefinition d : indicators) {
            Map<String, List<Double>> byDistrict = new TreeMap<>();
            Map<String, List<Double>> byCity = new TreeMap<>();
            double unitSeconds = TimeUnits.lengthOf(d.unit()).toSeconds();
            for (SituationResponse r : responses) {
                Instant at = stepAt(r, d.source().situations());
                boolean inWindow = at != null && !at.isBefore(start) && at.isBefore(end);
                if (!inWindow || !ResponseIndicators.counts(d, r.hazard())) {
                    continue;
                }
                double elapsed = Duration.between(r.openedAt(), at).toSeconds() / unitSeconds;
                byDistrict.computeIfAbsent(r.district(), k -> new ArrayList<>()).add(elapsed);
                byCity.computeIfAbsent(CityProfiles.ofArea(r.district()).code(), k -> new ArrayList<>()).add(elapsed);
            }
            byDistrict.forEach((area, samples) -> values.add(value(d, area, false, start, end, samples)));
            if (d.city().aggregation() == CityAggregation.POOLED) {
                byCity.forEach((area, samples) -> values.add(value(d, area, true, start, end, samples)));
            }
        }
        return values;
    }

    private static IndicatorValue value(IndicatorDefinition d, String area, boolean cityWide, Instant start,
                                        Instant end, List<Double> samples) {
        double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Thresholds thresholds = d.thresholdsFor(area, cityWide);
        Level level = thresholds == null ? Level.NORMAL : thresholds.levelOf(mean);
        return new IndicatorValue(d.id(), area, start, end, mean, samples.size(), level, samples.size());
    }

    private static Instant stepAt(SituationResponse r, ResponseStep step) {
        return switch (step) {
            case ACKNOWLEDGE -> r.acknowledgedAt();
            case DISPATCH -> r.dispatchedAt();
            case RESOLVE -> r.resolvedAt();
        };
    }
}
