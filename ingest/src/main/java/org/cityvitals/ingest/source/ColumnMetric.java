package org.cityvitals.ingest.source;

import org.cityvitals.indicators.metric.Metric;
import org.cityvitals.indicators.metric.UnitNormaliser;

import java.util.function.DoubleUnaryOperator;

/**
 * A CSV column that carries one metric, with the conversion from the source's unit to the metric's canonical unit.
 * The column's sensor id is {@code PREFIX-SUFFIX} for a station with several columns, or the suffix alone when the
 * adapter passes no prefix (a bring-your-own series names its sensors in full).
 */
public record ColumnMetric(String column, Metric metric, String sensorSuffix, DoubleUnaryOperator toCanonical) {

    public static ColumnMetric of(ReadingFactory readings, String column, String metricId, String sensorSuffix) {
        return new ColumnMetric(column, readings.metric(metricId), sensorSuffix, DoubleUnaryOperator.identity());
    }

    String sensorId(String prefix) {
        return prefix == null ? sensorSuffix : prefix + "-" + sensorSuffix;
    }

    /** The column holds values in {@code sourceUnit}; the data standard's unit normaliser converts them. */
    public ColumnMetric inUnit(String sourceUnit) {
        if (UnitNormaliser.toCanonical(metric, 0, sourceUnit).isEmpty()) {
            throw new IllegalArgumentException("no conversion from " + sourceUnit + " to " + metric.unit()
                    + " (metric " + metric.id() + ", column " + column + ")");
        }
        return new ColumnMetric(column, metric, sensorSuffix,
                value -> UnitNormaliser.toCanonical(metric, value, sourceUnit).orElseThrow());
    }
}
