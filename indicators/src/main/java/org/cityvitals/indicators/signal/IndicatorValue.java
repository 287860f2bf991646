package org.cityvitals.indicators.signal;

import org.cityvitals.indicators.level.Level;

import java.time.Instant;

/**
 * The value of one indicator in one area over one window. The area is a district code or, for the city-wide
 * series, the city's own code ({@code CityProfile.code()}, e.g. {@code 310000}).
 *
 * <p>{@code version} grows each time the same window is emitted again (a late event corrected it), so the newest
 * version of a key (indicator, district, windowStart) is the true one, in ClickHouse and on the screens alike.
 */
public record IndicatorValue(String indicatorId, String district, Instant windowStart, Instant windowEnd, double value,
                             long samples, Level level, long version) {
}
