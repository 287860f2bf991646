package org.cityvitals.jobs.window;

import org.cityvitals.indicators.catalogue.Aggregation;
import org.cityvitals.indicators.level.Direction;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * The running state of a pane, a window or a city's share of one, for any catalogue aggregation, and mergeable: a
 * window is the merge of its panes, a pooled city value the merge of its districts' windows. Only percentiles keep
 * their values, only DISTINCT, COVERAGE and RATE keep sensor ids (RATE with each sensor's first and last reading), so
 * the common aggregations cost a few fields. A plain mutable class with public fields so that Flink serialises it as
 * a POJO, without Kryo.
 */
public class Accumulator {

    public long count;
    /** Exact, so that a window's mean or sum is the same whatever order its samples and panes came in. */
    public ExactSum sum = new ExactSum();
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public long within;
    public long newest = Long.MIN_VALUE;
    public double[] values = new double[0];
    public int valueCount;
    /** Sorted, distinct sensor ids (DISTINCT, COVERAGE, RATE). */
    public String[] sensors = new String[0];
    /** Per sensor, parallel to {@link #sensors} (RATE only): the first and last reading's time and value. */
    public long[] firstAt = new long[0];
    public double[] firstValue = new double[0];
    public long[] lastAt = new long[0];
    public double[] lastValue = new double[0];

    public void add(Sample s, Aggregation aggregation) {
        if (s.presence()) {
            return;
        }
        // a weight above 1 comes only with value 1 (Sample says so), so value × weight is exact
        count += s.weight();
        sum.add(s.value() * s.weight());
        min = Math.min(min, s.value());
        max = Math.max(max, s.value());
        newest = Math.max(newest, s.timestamp());
        if (s.withinRange()) {
            within += s.weight();
        }
        switch (aggregation) {
            case P50, P90, P95 -> {
                for (long i = 0; i < s.weight(); i++) {
                    addValue(s.value());
                }
            }
            case DISTINCT, COVERAGE -> sensorIndex(s.sensorId());
            case RATE -> addToRate(s.sensorId(), s.timestamp(), s.value());
            default -> { }
        }
    }

    /** Adds everything {@code other} holds; {@code other} is left as it was. */
    public void merge(Accumulator other, Aggregation aggregation) {
        if (other.count == 0) {
            return;
        }
        count += other.count;
        sum.addAll(other.sum);
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        newest = Math.max(newest, other.newest);
        within += other.within;
        for (int i = 0; i < other.valueCount; i++) {
            addValue(other.values[i]);
        }
        for (int i = 0; i < other.sensors.length; i++) {
            if (aggregation == Aggregation.RATE) {
                addToRate(other.sensors[i], other.firstAt[i], other.firstValue[i]);
                addToRate(other.sensors[i], other.lastAt[i], other.lastValue[i]);
            } else {
                sensorIndex(other.sensors[i]);
            }
        }
    }

    /**
     * The indicator value, or NaN when there is none (no sensor with two readings for RATE, no registered sensor for
     * COVERAGE).
     *
     * @param windowEnd  for AGE, the instant the age is measured at
     * @param registered for COVERAGE, the sensors that should have reported
     * @param direction  for RATE, which way is worse: the worst sensor's rate is the value
     */
    public double result(Aggregation aggregation, long windowEnd, int registered, Direction direction) {
        return switch (aggregation) {
            case MEAN -> sum.value() / count;
            case MIN -> min;
            case MAX -> max;
            case SUM -> sum.value();
            case COUNT -> count;
            case RATE -> worstRatePerHour(direction);
            case RATIO -> 100.0 * within / count;
            case P50 -> percentile(0.50);
            case P90 -> percentile(0.90);
            case P95 -> percentile(0.95);
            case DISTINCT -> sensors.length;
            case COVERAGE -> registered == 0 ? Double.NaN : 100.0 * Math.min(sensors.length, registered) / registered;
            case AGE -> (windowEnd - newest) / 60_000.0;
        };
    }

    private void addValue(double v) {
        if (valueCount == values.length) {
            values = Arrays.copyOf(values, Math.max(8, values.length * 2));
        }
        values[valueCount++] = v;
    }

    /** The index of {@code id} in {@link #sensors}, inserting it (and room in the RATE arrays) when new. */
    private int sensorIndex(String id) {
        int at = Arrays.binarySearch(sensors, id);
        if (at >= 0) {
            return at;
        }
        int insert = -at - 1;
        sensors = inserted(sensors, insert, id);
        return insert;
    }

    private void addToRate(String sensor, long at, double value) {
        int before = sensors.length;
        int i = sensorIndex(sensor);
        if (sensors.length > before) {
            firstAt = inserted(firstAt, i, at);
            firstValue = inserted(firstValue, i, value);
            lastAt = inserted(lastAt, i, at);
            lastValue = inserted(lastValue, i, value);
            return;
        }
        // two readings of one sensor at one instant: the smaller counts as first, the larger as last, so that
        // the rate does not depend on which of them arrived first
        if (at < firstAt[i] || at == firstAt[i] && value < firstValue[i]) {
            firstAt[i] = at;
            firstValue[i] = value;
        }
        if (at > lastAt[i] || at == lastAt[i] && value > lastValue[i]) {
            lastAt[i] = at;
            lastValue[i] = value;
        }
    }

    /** Each sensor's change per hour between its first and last reading; the worst of them. */
    private double worstRatePerHour(Direction direction) {
        double worst = Double.NaN;
        for (int i = 0; i < sensors.length; i++) {
            long millis = lastAt[i] - firstAt[i];
            if (millis <= 0) {
                continue;
            }
            double rate = (lastValue[i] - firstValue[i]) * 3_600_000.0 / millis;
            boolean worse = direction == Direction.LOWER_IS_WORSE ? rate < worst : rate > worst;
            if (Double.isNaN(worst) || worse) {
                worst = rate;
            }
        }
        return worst;
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    private double percentile(double p) {
        double[] sorted = Arrays.copyOf(values, valueCount);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * valueCount);
        return sorted[Math.max(0, rank - 1)];
    }

    /** A copy of {@code array} (of any component type) with {@code value} inserted at {@code at}. */
    @SuppressWarnings("unchecked")
    private static <A> A inserted(A array, int at, Object value) {
        int length = Array.getLength(array);
        A grown = (A) Array.newInstance(array.getClass().getComponentType(), length + 1);
        System.arraycopy(array, 0, grown, 0, at);
        Array.set(grown, at, value);
        System.arraycopy(array, at, grown, at + 1, length - at);
        return grown;
    }
}
