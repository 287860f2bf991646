package org.cityvitals.indicators.catalogue;

import java.time.Duration;
import java.util.Map;
import org.cityvitals.indicators.level.Direction;
import org.cityvitals.indicators.level.Thresholds;

/**
 * One catalogue entry. {@code thresholds} apply everywhere except in districts listed in {@code overrides};
 * {@code hysteresis} is in the indicator's unit; an alert opens only once a level has held for {@code forDuration};
 * {@code weight} is the indicator's share in the health score; {@code standard} cites where the thresholds come
 * from, or is null for local choices.
 */
public record IndicatorDefinition(String id, String nameZh, String nameEn, Domain domain, String unit,
                                  IndicatorSource source, Aggregation aggregation, Window window,
                                  Thresholds thresholds, Map<String, Thresholds> overrides, double hysteresis,
                                  Duration forDuration, double weight, String standard) {

    public IndicatorDefinition {
        overrides = Map.copyOf(overrides);
    }

    public Direction direction() {
        return thresholds.direction();
    }

    /** The district's own thresholds when it has an override, the default ones otherwise. */
    public Thresholds thresholdsFor(String districtCode) {
        return overrides.getOrDefault(districtCode, thresholds);
    }
}
