package org.cityvitals.indicators.metric;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Converts a source's value into the canonical unit of its metric (kelvin to °C, mg/m³ to µg/m³, mph to km/h …).
 * Unit spellings seen in data sets ({@code ug/m3}, {@code degC}, Greek μ) are accepted as aliases.
 */
public final class UnitNormaliser {
    /** A unit as a linear function of its dimension's base unit: {@code base = value × factor + offset}. */
    private record Scale(String base, double factor, double offset) {
        double toBase(double value) {
            return value * factor + offset;
        }

        double fromBase(double value) {
            return (value - offset) / factor;
        }
    }

    private static final Map<String, String> ALIASES = new HashMap<>();
    private static final Map<String, Scale> SCALES = new HashMap<>();

    static {
        alias("µg/m³", "ug/m3", "ug/m³", "μg/m³", "μg/m3", "µg/m3");
        alias("mg/m³", "mg/m3");
        alias("°C", "degC", "C", "℃", "celsius");
        alias("°F", "degF", "F", "℉", "fahrenheit");
        alias("K", "kelvin");
        alias("m/s", "mps", "m s-1");
        alias("km/h", "kmh", "kph", "km/hr");
        // each unit once, by what one of it is in its dimension's base unit; any two of a dimension convert
        scale("K", "K", 1, 0);
        scale("°C", "K", 1, 273.15);
        scale("°F", "K", 5.0 / 9, 273.15 - 32 * 5.0 / 9);
        scales("µg/m³", Map.of("µg/m³", 1.0, "mg/m³", 1000.0));
        scales("Pa", Map.of("Pa", 1.0, "hPa", 100.0, "mbar", 100.0, "kPa", 1000.0, "bar", 100_000.0,
                "MPa", 1_000_000.0));
        scales("m/s", Map.of("m/s", 1.0, "km/h", 1 / 3.6, "mph", 0.44704));
        scales("mm", Map.of("mm", 1.0, "cm", 10.0, "in", 25.4, "m", 1000.0));
        scales("W", Map.of("W", 1.0, "kW", 1000.0, "MW", 1_000_000.0));
    }

    private UnitNormaliser() {
    }

    private static void alias(String canonical, String... spellings) {
        for (String spelling : spellings) {
            ALIASES.put(spelling, canonical);
        }
    }

    private static void scale(String unit, String base, double factor, double offset) {
        SCALES.put(unit, new Scale(base, factor, offset));
    }

    private static void scales(String base, Map<String, Double> factors) {
        factors.forEach((unit, factor) -> scale(unit, base, factor, 0));
    }

    /** The canonical spelling of {@code unit} ({@code ug/m3} → {@code µg/m³}); unknown spellings unchanged. */
    public static String canonicalSpelling(String unit) {
        return ALIASES.getOrDefault(unit.strip(), unit.strip());
    }

    /** {@code value} in {@code metric}'s unit, or empty when no conversion from {@code unit} is known. */
    public static OptionalDouble toCanonical(Metric metric, double value, String unit) {
        String from = canonicalSpelling(unit);
        if (from.equals(metric.unit())) {
            return OptionalDouble.of(value);
        }
        Scale source = SCALES.get(from);
        Scale target = SCALES.get(metric.unit());
        if (source == null || target == null || !source.base().equals(target.base())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(target.fromBase(source.toBase(value)));
    }
}
