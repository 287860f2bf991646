package org.cityvitals.stack.testing;

import java.util.Set;

/**
 * The indicators the shipped data classification (indicators' governance/classification.yaml) classes open, written
 * out from the file, so tests of the open feed and the open analyst do not take them from the code they check.
 */
public final class OpenIndicators {

    public static final Set<String> IDS = Set.of(
            "air.pm25", "air.pm10", "air.o3", "air.no2", "air.so2", "air.co", "air.aqi", "air.noise",
            "traffic.tpi", "traffic.expressway_speed", "traffic.arterial_speed", "traffic.volume",
            "traffic.parking_occupancy",
            "weather.rain_12h", "weather.rain_6h", "weather.rain_3h", "weather.temperature_high", "weather.wind",
            "flood.ponding_depth", "flood.river_level", "flood.river_rise_rate");

    private OpenIndicators() {
    }
}
