package org.cityvitals.jobs.window;

import org.cityvitals.indicators.catalogue.Aggregation;

import java.util.Arrays;

/**
 * Running state of one window for any catalogue aggregation. Only percentile indicators keep their values and only
 * DISTINCT keeps sensor ids, so the common aggregations (mean, min, max, sum, count, rate, ratio) cost a few fields.
 * A plain mutable class with public fields so Flink serialises it as a POJO, without Kryo.
 */
public class SampleAccumulator {

    public Aggregation aggregation;
    public long count;
    public double sum;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public long withinRange;
    public long firstTimestamp = Long.MAX_VALUE;
    public double firstValue;
    public long lastTimestamp = Long.MIN_VALUE;
    public double lastValue;
    public double[] values = new double[0];
    public int valueCount;
    /** Sorted, distinct sensor ids (DISTINCT only). */
    public String[] sensors = new String[0];

    public void add(Sample s) {
        aggregation = s.aggregation();
        count++;
        sum += s.value();
        min = Math.min(min, s.value());
        max = Math.max(max, s.value());
        if (s.withinRange()) {
            withinRange++;
        }
        if (s.timestamp() < firstTimestamp) {
            firstTimestamp = s.timestamp();
            firstValue = s.value();
        }
        if (s.timestamp() >= lastTimestamp) {
            lastTimestamp = s.timestamp();
            lastValue = s.value();
        }
        switch (s.aggregation()) {
            case P50, P90, P95 -> addValue(s.value());
            case DISTINCT -> addSensor(s.sensorId());
            default -> { }
        }
    }

    private void addValue(double v) {
        if (valueCount == values.length) {
            values = Arrays.copyOf(values, Math.max(8, values.length * 2));
        }
        values[valueCount++] = v;
    }

    private void addSensor(String id) {
        int at = Arrays.binarySearch(sensors, id);
        if (at < 0) {
            int insert = -at - 1;
            String[] grown = new String[sensors.length + 1];
            System.arraycopy(sensors, 0, grown, 0, insert);
            grown[insert] = id;
            System.arraycopy(sensors, insert, grown, insert + 1, sensors.length - insert);
            sensors = grown;
        }
    }

    public void merge(SampleAccumulator other) {
        if (other.count == 0) {
            return;
        }
        aggregation = other.aggregation;
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        withinRange += other.withinRange;
        if (other.firstTimestamp < firstTimestamp) {
            firstTimestamp = other.firstTimestamp;
            firstValue = other.firstValue;
        }
        if (other.lastTimestamp >= lastTimestamp) {
            lastTimestamp = other.lastTimestamp;
            lastValue = other.lastValue;
        }
        for (int i = 0; i < other.valueCount; i++) {
            addValue(other.values[i]);
        }
        for (String sensor : other.sensors) {
            addSensor(sensor);
        }
    }

    /** The indicator value of the window. */
    public double result() {
        return switch (aggregation) {
            case MEAN -> sum / count;
            case MIN -> min;
            case MAX -> max;
            case SUM -> sum;
            case COUNT -> count;
            case RATE -> ratePerHour();
            case RATIO -> 100.0 * withinRange / count;
            case P50 -> percentile(0.50);
            case P90 -> percentile(0.90);
            case P95 -> percentile(0.95);
            case DISTINCT -> sensors.length;
        };
    }

    private double ratePerHour() {
        long millis = lastTimestamp - firstTimestamp;
        return millis <= 0 ? 0.0 : (lastValue - firstValue) * 3_600_000.0 / millis;
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    private double percentile(double p) {
        double[] sorted = Arrays.copyOf(values, valueCount);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * valueCount);
        return sorted[Math.max(0, rank - 1)];
    }
}
