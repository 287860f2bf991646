package org.cityvitals.indicators.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One measurement of one metric by one sensor at one instant (UTC). {@code lat}/{@code lon} are WGS84 and either
 * both present or both null. The constructor refuses what {@link EventCodec} would refuse to decode, so every
 * Reading in memory can be encoded and read back.
 */
public record Reading(String sensorId, String metric, double value, String unit, Instant observedAt, String district,
                      Double lat, Double lon, Quality quality) {

    public Reading {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(quality, "quality");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("lat and lon must be both present or both null");
        }
    }
}
