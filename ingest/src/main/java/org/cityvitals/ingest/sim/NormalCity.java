package org.cityvitals.ingest.sim;

import java.util.Set;

/**
 * What each metric reads on an ordinary day: a daily (and, for traffic, weekly) pattern around a plausible Shanghai
 * level, scaled by the district's activity (1.15 in the centre, 0.85 in the outskirts), plus noise. The levels sit
 * on the normal side of every catalogue threshold, so alerts come only from scenarios.
 */
final class NormalCity {
    /** Metrics reported as amounts per reading interval: their model gives a rate per hour. */
    static final Set<String> PER_INTERVAL = Set.of("vehicle_count", "rainfall");

    static final Set<String> MODELLED = Set.of("pm25", "pm10", "o3", "no2", "so2", "co", "aqi", "noise",
            "traffic_index", "speed_expressway", "speed_arterial", "vehicle_count", "parking_occupancy",
            "water_pressure", "turbidity", "chlorine_residual", "grid_load_ratio", "voltage_deviation",
            "outage_customers", "power_load", "gas_lel", "gas_pressure", "rainfall", "temperature", "humidity",
            "wind_speed", "air_pressure", "ponding_depth", "river_level", "streetlight_on");

    private NormalCity() {
    }

    /** The metric's normal value (a rate per hour for {@link #PER_INTERVAL} metrics). */
    static double value(String metric, double activity, CityClock clock, Noise noise) {
        double rush = clock.rush() * activity;
        double day = clock.daytime();
        return switch (metric) {
            case "pm25" -> Math.max(3, noise.gaussian(32 + 10 * (1 - day) + 6 * rush, 4));
            case "pm10" -> Math.max(5, noise.gaussian(58 + 15 * (1 - day) + 10 * rush, 6));
            case "o3" -> Math.max(5, noise.gaussian(50 + 70 * day, 8));
            case "no2" -> Math.max(2, noise.gaussian(30 + 30 * rush, 5));
            case "so2" -> Math.max(1, noise.gaussian(9, 2));
            case "co" -> Math.max(0.1, noise.gaussian(0.7 + 0.4 * rush, 0.08));
            case "aqi" -> Math.max(10, noise.gaussian(45 + 12 * (1 - day) + 10 * rush, 4));
            case "noise" -> noise.gaussian(47 + 6 * rush + 2 * day, 1.2);
            case "traffic_index" -> clamp(noise.gaussian(1.2 + 1.6 * rush + 0.3 * day, 0.2), 0, 10);
            case "speed_expressway" -> Math.max(5, noise.gaussian(76 - 16 * rush, 3));
            case "speed_arterial" -> Math.max(3, noise.gaussian(46 - 8 * rush, 2));
            case "vehicle_count" -> Math.max(0, (1100 + 1700 * clock.rush() + 600 * day) * activity);
            case "parking_occupancy" -> clamp(noise.gaussian(45 + 28 * day * activity, 3), 0, 100);
            case "water_pressure" -> noise.gaussian(0.30 - 0.04 * rush, 0.008);
            case "turbidity" -> Math.max(0.05, noise.gaussian(0.3, 0.05));
            case "chlorine_residual" -> Math.max(0.2, noise.gaussian(0.5, 0.04));
            case "grid_load_ratio" -> clamp(noise.gaussian(42 + 20 * day * activity, 2), 0, 200);
            case "voltage_deviation" -> Math.min(4, Math.abs(noise.gaussian(1.2, 0.6)));
            case "outage_customers" -> 0;
            case "power_load" -> Math.max(0, noise.gaussian((180_000 + 160_000 * day) * activity, 6_000));
            case "gas_lel" -> Math.min(5, Math.abs(noise.gaussian(0, 0.5)));
            case "gas_pressure" -> noise.gaussian(2.4, 0.05);
            case "rainfall", "ponding_depth" -> 0;
            case "temperature" -> noise.gaussian(18 + 6 * clock.warmth(), 0.4);
            case "humidity" -> clamp(noise.gaussian(70 - 15 * clock.warmth(), 3), 0, 100);
            case "wind_speed" -> Math.max(0, noise.gaussian(3 + 1.5 * day, 0.8));
            case "air_pressure" -> noise.gaussian(1013, 1);
            case "river_level" -> noise.gaussian(3.0 + 0.12 * Math.sin(2 * Math.PI * clock.hour() / 12.42), 0.01);
            case "streetlight_on" -> clock.dark() && noise.chance(0.0005) ? 0 : 1;
            default -> throw new IllegalArgumentException("no model for metric '" + metric + "'");
        };
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
