package org.cityvitals.indicators.catalogue;

import java.util.Objects;

/**
 * Where an indicator's values come from: readings of one {@code metric()} (with a {@code within()} range for
 * RATIO indicators), or incidents passing {@code incidents()} measured by {@code measure()}. Exactly one of
 * {@code metric} and {@code incidents} is set.
 */
public record IndicatorSource(String metric, Range within, IncidentFilter incidents, IncidentMeasure measure) {

    public IndicatorSource {
        if ((metric == null) == (incidents == null)) {
            throw new IllegalArgumentException("exactly one of metric and incidents must be set");
        }
        if (incidents != null) {
            Objects.requireNonNull(measure, "measure");
        }
    }

    public static IndicatorSource ofMetric(String metric, Range within) {
        return new IndicatorSource(metric, within, null, null);
    }

    public static IndicatorSource ofIncidents(IncidentFilter filter, IncidentMeasure measure) {
        return new IndicatorSource(null, null, filter, measure);
    }

    public boolean isMetric() {
        return metric != null;
    }

    public boolean isIncidents() {
        return incidents != null;
    }
}
