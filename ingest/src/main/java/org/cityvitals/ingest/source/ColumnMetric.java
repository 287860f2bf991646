package org.cityvitals.ingest.source;

import org.cityvitals.indicators.metric.Metric;
import org.cityvitals.indicators.metric.UnitNormaliser;

import java.util.function.DoubleUnaryOperator;

/** A CSV column that carries one metric, with the conversion from the source's unit to the metric's canonical unit. */
public record ColumnMetric(String column, Metric metric, String sensorSuffix, DoubleUnaryOperator toCanonical) {

    public static ColumnMetric of(ReadingFactory readings, String column, String metricId, String sensorSuffix) {
        return new ColumnMetric(column, readings.metric(metricId), sensorSuffix, DoubleUnaryOperator.identity());
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
