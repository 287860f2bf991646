package org.cityvitals.launcher.backfill;

import org.apache.kafka.common.TopicPartition;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.ingest.replay.ReplayResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backfill covers, taken from what its replay published: the replay's id and offset range, its city's areas
 * (the city's own code and its districts') and the event-time range of its records.
 */
public record BackfillPlan(String replayId, CityProfile city, Instant from, Instant to,
                           Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {

    public static BackfillPlan of(ReplayResult replay) {
        if (replay.firstEventTime() == null) {
            throw new IllegalStateException("replay " + replay.id() + " published nothing: there is nothing to "
                    + "backfill");
        }
        return new BackfillPlan(replay.id(), CityProfiles.ofArea(replay.cityCode()), replay.firstEventTime(),
                replay.lastEventTime(), replay.startOffsets(), replay.endOffsets());
    }

    /** The city's own code, then its district codes. */
    public List<String> areas() {
        List<String> areas = new ArrayList<>();
        areas.add(city.code());
        city.districts().stream().map(District::code).forEach(areas::add);
        return areas;
    }

    /** {@code TOPIC:PARTITION:FROM-TO,…} as {@code cityvitals job backfill --offsets} takes it. */
    public String offsetsFlag() {
        Map<String, String> ranges = new TreeMap<>();
        start.forEach((tp, from) -> ranges.put(tp.topic() + ":" + tp.partition(),
                tp.topic() + ":" + tp.partition() + ":" + from + "-" + end.get(tp)));
        return String.join(",", ranges.values());
    }
}
