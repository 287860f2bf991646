package org.cityvitals.jobs.window;

import org.apache.flink.api.common.state.MapState;

import java.util.ArrayList;
import java.util.List;

/** State maps keyed by an instant (epoch milliseconds) whose entries stop mattering a fixed time after it. */
final class ExpiringKeys {

    private ExpiringKeys() {}

    /**
     * Removes every entry whose key plus {@code lifetime} is at or before {@code now}. Written as a sum, not as
     * {@code now - lifetime}, so that a watermark still at {@code Long.MIN_VALUE} cannot wrap around and expire all.
     */
    static void remove(MapState<Long, ?> state, long lifetime, long now) throws Exception {
        List<Long> expired = new ArrayList<>();
        for (Long key : state.keys()) {
            if (key + lifetime <= now) {
                expired.add(key);
            }
        }
        for (Long key : expired) {
            state.remove(key);
        }
    }
}
