package org.cityvitals.jobs.quality;

import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.MetricRegistry;

import java.util.HashMap;
import java.util.Map;

/**
 * Thins the readings down to at most one heartbeat per second per (city, sensor network), in processing time, so the
 * stall detector behind a shuffle sees a few records a second instead of every reading. Chained to the source, it
 * keeps its last emission times in memory only: after a restart it simply emits again.
 */
public final class FeedHeartbeats extends RichFlatMapFunction<Reading, FeedHeartbeat> {

    private static final long serialVersionUID = 1L;
    private static final long EVERY_MS = 1000;

    private transient Map<String, Long> lastEmitted;

    @Override
    public void flatMap(Reading r, Collector<FeedHeartbeat> out) {
        if (lastEmitted == null) {
            lastEmitted = new HashMap<>();
        }
        String network = MetricRegistry.loadDefault().byId(r.metric()).map(m -> m.network()).orElse(null);
        if (network == null) {
            return;
        }
        long now = System.currentTimeMillis();
        FeedHeartbeat beat = new FeedHeartbeat(CityProfiles.ofArea(r.district()).code(), network, now);
        Long last = lastEmitted.get(beat.key());
        if (last == null || now - last >= EVERY_MS) {
            lastEmitted.put(beat.key(), now);
            out.collect(beat);
        }
    }
}
