package org.cityvitals.indicators.catalogue;

import java.util.Objects;

/**
 * Where an indicator's values come from: readings of one {@code metric()} (with a {@code within()} range for
 * RATIO indicators), incidents passing {@code incidents()} measured by {@code measure()}, or the readings of one
 * sensor {@code network()} judged for their {@code quality()}. Exactly one of the three kinds is set.
 */
public record IndicatorSource(String metric, Range within, IncidentFilter incidents, IncidentMeasure measure,
                              String network, QualityMeasure quality) {

    public IndicatorSource {
        int kinds = (metric != null ? 1 : 0) + (incidents != null ? 1 : 0) + (network != null ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("exactly one of metric, incidents and network must be set");
        }
        if (incidents != null) {
            Objects.requireNonNull(measure, "measure");
        }
        if (network != null) {
            Objects.requireNonNull(quality, "quality");
        }
    }

    public static IndicatorSource ofMetric(String metric, Range within) {
        return new IndicatorSource(metric, within, null, null, null, null);
    }

    public static IndicatorSource ofIncidents(IncidentFilter filter, IncidentMeasure measure) {
        return new IndicatorSource(null, null, filter, measure, null, null);
    }

    public static IndicatorSource ofQuality(String network, QualityMeasure quality) {
        return new IndicatorSource(null, null, null, null, network, quality);
    }

    public boolean isMetric() {
        return metric != null;
    }

    public boolean isIncidents() {
        return incidents != null;
    }

    public boolean isQuality() {
        return network != null;
    }
}
