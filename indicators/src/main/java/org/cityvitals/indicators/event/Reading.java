package org.cityvitals.indicators.event;

import org.cityvitals.indicators.Fields;

import java.time.Instant;

/**
 * One measurement of one metric by one sensor at one instant (UTC). {@code lat}/{@code lon} are WGS84 and either
 * both present or both null. The constructor refuses what {@link EventCodec} would refuse to decode, so every
 * Reading in memory can be encoded and read back.
 */
public record Reading(String sensorId, String metric, double value, String unit, Instant observedAt, String district,
                      Double lat, Double lon, Quality quality) {

    public Reading {
        Fields.required("sensorId", sensorId, "metric", metric, "unit", unit, "observedAt", observedAt,
                "district", district, "quality", quality);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        Fields.together("lat", lat, "lon", lon);
    }
}
