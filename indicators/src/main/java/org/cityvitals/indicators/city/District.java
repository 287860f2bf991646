package org.cityvitals.indicators.city;

/**
 * A district, borough or zone of a city. {@code code} is the GB/T 2260 code in China and a stable slug elsewhere.
 * {@code areaKm2} and {@code population} are 0 where the source publishes no figure for the unit (stated in the
 * profile file).
 */
public record District(String code, String nameZh, String nameEn, double areaKm2, long population) {
}
