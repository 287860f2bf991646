package org.cityvitals.ingest.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How each scenario bends the city's metrics in its districts while it runs. Targets sit past the catalogue's
 * orange or red thresholds of the indicators a real event of that kind would trip, e.g. a rainstorm brings 60 mm/h
 * (red 3-hour rainfall after 100 minutes), 35 cm ponding and a river rising 0.8 m/h.
 */
final class ScenarioEffects {
    private final List<ScenarioRun> runs = new ArrayList<>();

    void add(ScenarioRun run) {
        runs.add(run);
    }

    /** Forgets runs that ended before {@code now}. */
    void expire(Instant now) {
        runs.removeIf(run -> !run.end().isAfter(now));
    }

    List<ScenarioRun> active(Instant now) {
        return runs.stream().filter(run -> !now.isBefore(run.start()) && now.isBefore(run.end())).toList();
    }

    /** The metric's value under the first active scenario of the district that affects it, if any. */
    OptionalDouble override(String metric, String district, Instant at, double normal, Noise noise) {
        for (ScenarioRun run : runs) {
            if (run.activeIn(district, at)) {
                OptionalDouble value = effect(run.scenario(), metric, run.hoursSinceStart(at), normal, noise);
                if (value.isPresent()) return value;
            }
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble effect(Scenario scenario, String metric, double hours, double normal, Noise n) {
        Double value = switch (scenario) {
            case RAINSTORM_FLOODING -> switch (metric) {
                case "rainfall" -> n.gaussian(60, 4); // per hour
                case "ponding_depth" -> Math.max(0, n.gaussian(Math.min(35, 5 + 60 * hours), 2));
                case "river_level" -> Math.min(5.6, normal + 0.8 * hours);
                case "speed_expressway" -> n.gaussian(30, 2);
                case "speed_arterial" -> n.gaussian(13, 1);
                case "traffic_index" -> n.gaussian(8.4, 0.2);
                case "humidity" -> 98.0;
                default -> null;
            };
            case POLLUTION_EPISODE -> switch (metric) {
                case "pm25" -> n.gaussian(285, 12);
                case "pm10" -> n.gaussian(460, 15);
                case "aqi" -> n.gaussian(335, 8);
                case "no2" -> n.gaussian(240, 10);
                case "co" -> n.gaussian(4, 0.3);
                default -> null;
            };
            case RUSH_HOUR_GRIDLOCK -> switch (metric) {
                case "traffic_index" -> n.gaussian(9, 0.2);
                case "speed_expressway" -> n.gaussian(15, 1.5);
                case "speed_arterial" -> n.gaussian(10, 1);
                case "vehicle_count" -> 6900.0; // per hour: saturated roads, orange volume
                case "noise" -> n.gaussian(72, 0.8);
                case "parking_occupancy" -> NormalCity.clamp(n.gaussian(97, 0.5), 0, 100);
                default -> null;
            };
            case WATER_MAIN_BURST -> switch (metric) {
                case "water_pressure" -> Math.max(0.01, n.gaussian(0.07, 0.01));
                case "turbidity" -> n.gaussian(6.5, 0.3);
                case "chlorine_residual" -> Math.max(0.005, n.gaussian(0.04, 0.005));
                case "ponding_depth" -> Math.max(0, n.gaussian(18, 1.5));
                default -> null;
            };
            case POWER_OUTAGE -> switch (metric) {
                case "outage_customers" -> (double) Math.round(n.gaussian(62_000, 2_000));
                case "voltage_deviation" -> n.gaussian(18, 1);
                case "streetlight_on" -> 0.0;
                case "grid_load_ratio" -> n.gaussian(8, 1);
                case "power_load" -> normal * 0.1;
                case "traffic_index" -> n.gaussian(6.5, 0.2); // dark traffic lights
                default -> null;
            };
            case HOTLINE_SURGE -> null; // incidents only: see IncidentStreams
        };
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
