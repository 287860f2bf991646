package org.cityvitals.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps that forget their eldest entry once they hold more than {@code limit}, so that a flood of made-up keys (user
 * names, client addresses, alert ids) cannot exhaust memory. Not thread-safe, like the {@link LinkedHashMap} they are.
 */
public final class BoundedMaps {

    private BoundedMaps() {}

    /** Forgets the entry least recently read or written first. */
    public static <K, V> Map<K, V> leastRecentlyUsed(int limit) {
        return bounded(limit, true);
    }

    /** Forgets the entry put first, however often it is read. */
    public static <K, V> Map<K, V> oldestFirst(int limit) {
        return bounded(limit, false);
    }

    private static <K, V> Map<K, V> bounded(int limit, boolean accessOrder) {
        return new LinkedHashMap<>(16, 0.75f, accessOrder) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > limit;
            }
        };
    }
}
