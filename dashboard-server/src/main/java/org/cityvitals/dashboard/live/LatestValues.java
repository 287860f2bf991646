package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.signal.IndicatorValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest value of each (indicator, district): the latest window, and within one window the highest version (a
 * late-data correction). Arrival order does not matter, so a catch-up replay and the live stream can interleave.
 * Confined to one event loop: not thread-safe.
 */
public final class LatestValues {

    private final Map<String, IndicatorValue> byKey = new HashMap<>();

    public static String key(IndicatorValue v) {
        return v.indicatorId() + "|" + v.district();
    }

    /** Keeps {@code value} if it is newer than what is held; returns whether it was kept. */
    public boolean apply(IndicatorValue value) {
        IndicatorValue held = byKey.get(key(value));
        if (held != null && !supersedes(value, held)) {
            return false;
        }
        byKey.put(key(value), value);
        return true;
    }

    static boolean supersedes(IndicatorValue candidate, IndicatorValue held) {
        int byWindow = candidate.windowStart().compareTo(held.windowStart());
        return byWindow > 0 || byWindow == 0 && candidate.version() > held.version();
    }

    public List<IndicatorValue> all() {
        return new ArrayList<>(byKey.values());
    }
}
