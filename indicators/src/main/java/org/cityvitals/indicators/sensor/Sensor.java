package org.cityvitals.indicators.sensor;

/** A registered sensor: what it measures, where, and in which unit it reports. */
public record Sensor(String id, String metric, String district, double lat, double lon, String unit) {
}
