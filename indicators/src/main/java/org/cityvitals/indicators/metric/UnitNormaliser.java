package org.cityvitals.indicators.metric;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Converts a source's value into the canonical unit of its metric (kelvin to °C, mg/m³ to µg/m³, mph to km/h …).
 * Unit spellings seen in data sets ({@code ug/m3}, {@code degC}, Greek μ) are accepted as aliases.
 */
public final class UnitNormaliser {
    private record Linear(double factor, double offset) {
        double apply(double value) {
            return value * factor + offset;
        }
    }

    private static final Map<String, String> ALIASES = new HashMap<>();
    private static final Map<String, Linear> CONVERSIONS = new HashMap<>();

    static {
        alias("µg/m³", "ug/m3", "ug/m³", "μg/m³", "μg/m3", "µg/m3");
        alias("mg/m³", "mg/m3");
        alias("°C", "degC", "C", "℃", "celsius");
        alias("°F", "degF", "F", "℉", "fahrenheit");
        alias("K", "kelvin");
        alias("m/s", "mps", "m s-1");
        alias("km/h", "kmh", "kph", "km/hr");
        linear("K", "°C", 1, -273.15);
        linear("°F", "°C", 5.0 / 9, -32 * 5.0 / 9);
        linear("mg/m³", "µg/m³", 1000, 0);
        linear("µg/m³", "mg/m³", 0.001, 0);
        linear("kPa", "MPa", 0.001, 0);
        linear("bar", "MPa", 0.1, 0);
        linear("MPa", "kPa", 1000, 0);
        linear("Pa", "kPa", 0.001, 0);
        linear("Pa", "hPa", 0.01, 0);
        linear("kPa", "hPa", 10, 0);
        linear("mbar", "hPa", 1, 0);
        linear("km/h", "m/s", 1 / 3.6, 0);
        linear("mph", "m/s", 0.44704, 0);
        linear("m/s", "km/h", 3.6, 0);
        linear("mph", "km/h", 1.609344, 0);
        linear("in", "mm", 25.4, 0);
        linear("cm", "mm", 10, 0);
        linear("mm", "cm", 0.1, 0);
        linear("m", "cm", 100, 0);
        linear("MW", "kW", 1000, 0);
        linear("W", "kW", 0.001, 0);
    }

    private UnitNormaliser() {
    }

    private static void alias(String canonical, String... spellings) {
        for (String spelling : spellings) {
            ALIASES.put(spelling, canonical);
        }
    }

    private static void linear(String from, String to, double factor, double offset) {
        CONVERSIONS.put(from + "→" + to, new Linear(factor, offset));
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
        Linear conversion = CONVERSIONS.get(from + "→" + metric.unit());
        return conversion == null ? OptionalDouble.empty() : OptionalDouble.of(conversion.apply(value));
    }
}
