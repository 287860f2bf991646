package org.cityvitals.indicators.catalogue;

import java.util.Objects;

/**
 * Where an indicator's values come from: readings of one {@code metric()} (with a {@code within()} range for
 * RATIO indicators), incidents passing {@code incidents()} measured by {@code measure()}, the readings of one
 * sensor {@code network()} judged for their {@code quality()}, or the operations centre's own response to
 * situations: the minutes to one {@code situations()} step, of every situation or of those of one {@code hazard()}
 * (null for all). Exactly one of the four kinds is set. The Flink job computes the first three from events; the
 * dashboard server, which records the responses, computes the fourth.
 */
public record IndicatorSource(String metric, Range within, IncidentFilter incidents, IncidentMeasure measure,
                              String network, QualityMeasure quality, ResponseStep situations, String hazard) {

    public IndicatorSource {
        int kinds = (metric != null ? 1 : 0) + (incidents != null ? 1 : 0) + (network != null ? 1 : 0)
                + (situations != null ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("exactly one of metric, incidents, network and situations must be set");
        }
        if (incidents != null) {
            Objects.requireNonNull(measure, "measure");
        }
        if (network != null) {
            Objects.requireNonNull(quality, "quality");
        }
    }

    public static IndicatorSource ofMetric(String metric, Range within) {
        return new IndicatorSource(metric, within, null, null, null, null, null, null);
    }

    public static IndicatorSource ofIncidents(IncidentFilter filter, IncidentMeasure measure) {
        return new IndicatorSource(null, null, filter, measure, null, null, null, null);
    }

    public static IndicatorSource ofQuality(String network, QualityMeasure quality) {
        return new IndicatorSource(null, null, null, null, network, quality, null, null);
    }

    /** The minutes to {@code step} of the situations of {@code hazard} (null: of every situation). */
    public static IndicatorSource ofSituations(ResponseStep step, String hazard) {
        return new IndicatorSource(null, null, null, null, null, null, step, hazard);
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

    public boolean isSituations() {
        return situations != null;
    }
}
