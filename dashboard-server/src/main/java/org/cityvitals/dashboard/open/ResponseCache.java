package org.cityvitals.dashboard.open;

import io.vertx.core.Future;
import org.cityvitals.dashboard.BoundedMaps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers kept for a period, so that the public cannot load the stores: however many requests arrive for one key,
 * the loader runs at most once per period — requests during a load share its future. A failed load is kept for
 * {@link #FAILURE_KEPT}, so that while a store fails the public does not send it every request, and is then tried
 * again. Bounded in size (oldest first out).
 *
 * <p>Hand-written rather than Caffeine: it is confined to the HTTP verticle's event loop and holds Vert.x futures,
 * so it needs no locks and never hops threads; Caffeine's async cache would complete on its own executor and each
 * answer would have to be moved back to the event loop.
 */
public final class ResponseCache<K, V> {

    /** How long a failure is answered from the cache: short, so a recovered store is read again soon. */
    static final Duration FAILURE_KEPT = Duration.ofSeconds(5);

    private final Duration period;
    private final Clock clock;
    private final Map<K, Entry<V>> entries;

    private record Entry<V>(Future<V> value, Instant expiresAt) {}

    public ResponseCache(Duration period, int maxEntries, Clock clock) {
        this.period = period;
        this.clock = clock;
        this.entries = BoundedMaps.oldestFirst(maxEntries);
    }

    /** The cached answer for {@code key}, or the loader's, which is then kept for the period. */
    public Future<V> get(K key, Supplier<Future<V>> loader) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expiresAt())) {
            return entry.value();
        }
        Future<V> loading = loader.get();
        Entry<V> loaded = new Entry<>(loading, now.plus(period));
        entries.remove(key); // re-inserted last: the eldest entry is the one loaded longest ago
        entries.put(key, loaded);
        loading.onFailure(e -> entries.replace(key, loaded,
                new Entry<>(loading, clock.instant().plus(FAILURE_KEPT))));
        return loading;
    }
}
