package org.cityvitals.jobs.window;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.cityvitals.indicators.signal.SeriesKey;

/**
 * One contribution to one series' window: a reading's value, a case's stage, or a reading's data-quality facts, in
 * one district. {@code withinRange} is precomputed for RATIO indicators; {@code sensorId} serves DISTINCT, COVERAGE and
 * RATE (a case id for incident samples). A {@code presence} sample counts nothing: it only makes a count series exist,
 * so a district with no case yet reads 0 rather than nothing. {@code weight} is how many samples of value 1 this one
 * stands for: 1, except where {@link QualitySampleCombiner} merged a task's data-quality samples of one pane before
 * the shuffle ({@code timestamp} is then the newest of them). Shipped between tasks by {@link SampleSerializer}.
 */
@TypeInfo(SampleTypeInfo.Factory.class)
public record Sample(String indicatorId, String district, double value, boolean withinRange, String sensorId,
                     long timestamp, boolean presence, long weight) {

    public Sample {
        if (weight < 1 || weight > 1 && value != 1) {
            throw new IllegalArgumentException("a sample stands for one value, or for " + weight
                    + " values of 1, not " + weight + " of " + value);
        }
    }

    public static Sample of(String indicatorId, String district, double value, boolean withinRange, String sensorId,
                            long timestamp) {
        return new Sample(indicatorId, district, value, withinRange, sensorId, timestamp, false, 1);
    }

    public static Sample presence(String indicatorId, String district, long timestamp) {
        return new Sample(indicatorId, district, 0, false, "", timestamp, true, 1);
    }

    /** {@code weight} samples of value 1 (data-quality facts) of one series, the newest at {@code newest}. */
    public static Sample combined(String indicatorId, String district, String sensorId, long newest, long weight) {
        return new Sample(indicatorId, district, 1, false, sensorId, newest, false, weight);
    }

    public String seriesKey() {
        return SeriesKey.of(indicatorId, district);
    }
}
