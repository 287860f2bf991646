package org.cityvitals.indicators.signal;

import org.cityvitals.indicators.level.Level;

import java.time.Instant;

/** The health score (0–100) of one district or the city for the minute starting at {@code windowStart}. */
public record HealthScoreValue(String district, Instant windowStart, double score, Level worstLevel, long version) {
}
