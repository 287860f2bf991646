package org.cityvitals.jobs.window;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.cityvitals.indicators.signal.SeriesKey;

/**
 * One contribution to one series' window: a reading's value, a case's stage, or a reading's data-quality facts, in
 * one district. {@code withinRange} is precomputed for RATIO indicators; {@code sensorId} serves DISTINCT, COVERAGE and
 * RATE (a case id for incident samples). A {@code presence} sample counts nothing: it only makes a count series exist,
 * so a district with no case yet reads 0 rather than nothing. Shipped between tasks by {@link SampleSerializer}.
 */
@TypeInfo(SampleTypeInfo.Factory.class)
public record Sample(String indicatorId, String district, double value, boolean withinRange, String sensorId,
                     long timestamp, boolean presence) {

    public static Sample of(String indicatorId, String district, double value, boolean withinRange, String sensorId,
                            long timestamp) {
        return new Sample(indicatorId, district, value, withinRange, sensorId, timestamp, false);
    }

    public static Sample presence(String indicatorId, String district, long timestamp) {
        return new Sample(indicatorId, district, 0, false, "", timestamp, true);
    }

    public String seriesKey() {
        return SeriesKey.of(indicatorId, district);
    }
}
