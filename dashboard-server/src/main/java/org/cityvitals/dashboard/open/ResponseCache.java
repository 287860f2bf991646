package org.cityvitals.dashboard.open;

import io.vertx.core.Future;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers kept for a period, so that the public cannot load the stores: however many requests arrive for one key,
 * the loader runs at most once per period — requests during a load share its future. A failed load is forgotten at
 * once, so the next request tries again. Bounded in size (oldest first out).
 *
 * <p>Hand-written rather than Caffeine: it is confined to the HTTP verticle's event loop and holds Vert.x futures,
 * so it needs no locks and never hops threads; Caffeine's async cache would complete on its own executor and each
 * answer would have to be moved back to the event loop.
 */
public final class ResponseCache<K, V> {

    private final Duration period;
    private final Clock clock;
    private final Map<K, Entry<V>> entries;

    private record Entry<V>(Future<V> value, Instant loadedAt) {}

    public ResponseCache(Duration period, int maxEntries, Clock clock) {
        this.period = period;
        this.clock = clock;
        this.entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The cached answer for {@code key}, or the loader's, which is then kept for the period. */
    public Future<V> get(K key, Supplier<Future<V>> loader) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && Duration.between(entry.loadedAt(), now).compareTo(period) < 0) {
            return entry.value();
        }
        Future<V> loading = loader.get();
        Entry<V> loaded = new Entry<>(loading, now);
        entries.remove(key); // re-inserted last: the eldest entry is the one loaded longest ago
        entries.put(key, loaded);
        loading.onFailure(e -> entries.remove(key, loaded));
        return loading;
    }
}
