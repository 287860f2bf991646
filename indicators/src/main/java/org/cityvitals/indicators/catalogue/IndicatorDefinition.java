package org.cityvitals.indicators.catalogue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.cityvitals.indicators.level.Direction;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.AlertAudience;

/**
 * One catalogue entry. {@code thresholds} apply everywhere except in districts listed in {@code overrides} (null for an
 * indicator watched only for anomalies, which has no levels);
 * {@code hysteresis} is in the indicator's unit; an alert opens only once a level has held for {@code forDuration};
 * {@code weight} is the indicator's share in the health score (0 for platform indicators, which never count);
 * {@code standard} cites where the thresholds come from, or is null for local choices. {@code city} says how the
 * city-wide value is formed, {@code whenSilent} what a window without data means, {@code instant} whether a single
 * valid reading beyond a level opens or raises the alert at once, {@code rules} which windowed alert rules run, and
 * {@code anomalyFloor} the smallest deviation scale the anomaly rule uses (in the indicator's unit).
 */
public record IndicatorDefinition(String id, String nameZh, String nameEn, Domain domain, String unit,
                                  IndicatorSource source, Aggregation aggregation, Window window,
                                  Direction direction, Thresholds thresholds, Map<String, Thresholds> overrides, double hysteresis,
                                  Duration forDuration, double weight, String standard, CitySeries city,
                                  WhenSilent whenSilent, boolean instant, Set<AlertRule> rules, double anomalyFloor) {

    public IndicatorDefinition {
        overrides = Map.copyOf(overrides);
        rules = Set.copyOf(rules);
    }

    /**
     * The thresholds of {@code area}: a district's override, the city's own thresholds for the city-wide series (null
     * when the city series is not judged), the default thresholds otherwise.
     */
    public Thresholds thresholdsFor(String area, boolean cityWide) {
        if (cityWide) {
            return city.thresholds();
        }
        return overrides.getOrDefault(area, thresholds);
    }

    public boolean runs(AlertRule rule) {
        return rules.contains(rule);
    }

    public AlertAudience audience() {
        return domain.platform() ? AlertAudience.PLATFORM : AlertAudience.OPERATIONS;
    }
}
