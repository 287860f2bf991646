package org.cityvitals.indicators.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The units a duration indicator may be in, and how long each is: incident measures (time to dispatch, to resolve)
 * are produced in the indicator's declared unit, so a case resolved in 2 h reads 2 where the unit is h.
 */
public final class TimeUnits {
    private static final Map<String, Duration> LENGTHS = Map.of("min", Duration.ofMinutes(1), "h", Duration.ofHours(1));

    private TimeUnits() {
    }

    public static boolean isTimeUnit(String unit) {
        return LENGTHS.containsKey(unit);
    }

    /** @throws IllegalArgumentException when {@code unit} is not a time unit */
    public static Duration lengthOf(String unit) {
        Duration length = LENGTHS.get(unit);
        if (length == null) {
            throw new IllegalArgumentException("'" + unit + "' is not a time unit; use " + String.join(" or ", names()));
        }
        return length;
    }

    public static List<String> names() {
        return LENGTHS.keySet().stream().sorted().toList();
    }
}
