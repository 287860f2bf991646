package org.cityvitals.indicators.sensor;

/**
 * A registered sensor: what it measures, where, and in which unit it reports. {@code lat} and {@code lon} are both
 * null when the location is unknown (a generated sensor of a city without a boundary file).
 */
public record Sensor(String id, String metric, String district, Double lat, Double lon, String unit) {
}
