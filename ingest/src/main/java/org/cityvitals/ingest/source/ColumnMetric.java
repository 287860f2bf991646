package org.cityvitals.ingest.source;

import org.cityvitals.indicators.metric.Metric;

import java.util.function.DoubleUnaryOperator;

/** A CSV column that carries one metric, with the conversion from the source's unit to the metric's canonical unit. */
public record ColumnMetric(String column, Metric metric, String sensorSuffix, DoubleUnaryOperator toCanonical) {

    public static ColumnMetric of(ReadingFactory readings, String column, String metricId, String sensorSuffix) {
        return new ColumnMetric(column, readings.metric(metricId), sensorSuffix, DoubleUnaryOperator.identity());
    }

    public ColumnMetric converted(DoubleUnaryOperator conversion) {
        return new ColumnMetric(column, metric, sensorSuffix, conversion);
    }
}
