package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SeriesKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The newest windowed signal per key: the latest window, and within one window the highest version (a late-data
 * correction). Arrival order does not matter, so a catch-up replay and the live stream can interleave.
 * Confined to one event loop: not thread-safe.
 */
public final class NewestByKey<T> {

    private final Function<T, String> key;
    private final Function<T, Instant> windowStart;
    private final ToLongFunction<T> version;
    private final Map<String, T> byKey = new HashMap<>();

    private NewestByKey(Function<T, String> key, Function<T, Instant> windowStart, ToLongFunction<T> version) {
        this.key = key;
        this.windowStart = windowStart;
        this.version = version;
    }

    /** Indicator values per (indicator, district). */
    public static NewestByKey<IndicatorValue> indicatorValues() {
        return new NewestByKey<>(NewestByKey::key, IndicatorValue::windowStart, IndicatorValue::version);
    }

    /** Health scores per district (and "city"). */
    public static NewestByKey<HealthScoreValue> healthScores() {
        return new NewestByKey<>(HealthScoreValue::district, HealthScoreValue::windowStart,
                HealthScoreValue::version);
    }

    public static String key(IndicatorValue v) {
        return SeriesKey.of(v.indicatorId(), v.district());
    }

    /** Keeps {@code signal} if it is newer than what is held; returns whether it was kept. */
    public boolean apply(T signal) {
        T held = byKey.get(key.apply(signal));
        if (held != null && !supersedes(signal, held)) {
            return false;
        }
        byKey.put(key.apply(signal), signal);
        return true;
    }

    private boolean supersedes(T candidate, T held) {
        int byWindow = windowStart.apply(candidate).compareTo(windowStart.apply(held));
        return byWindow > 0 || byWindow == 0 && version.applyAsLong(candidate) > version.applyAsLong(held);
    }

    public List<T> all() {
        return new ArrayList<>(byKey.values());
    }
}
