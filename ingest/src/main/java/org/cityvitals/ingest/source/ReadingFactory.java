package org.cityvitals.ingest.source;

import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.Metric;
import org.cityvitals.indicators.metric.MetricRegistry;

import java.time.Instant;

/**
 * Builds readings in a metric's canonical unit. A value outside the metric's plausible range is still published
 * but marked {@link Quality#SUSPECT}, as the data standard prescribes, so that indicators can leave it out.
 */
public final class ReadingFactory {
    private final MetricRegistry metrics;

    public ReadingFactory(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    /** The metric, or fails at start-up when an adapter names one the data standard does not have. */
    public Metric metric(String id) {
        return metrics.byId(id).orElseThrow(() -> new IllegalStateException("metric '" + id
                + "' is not in the metric registry"));
    }

    public Reading reading(String sensorId, Metric metric, double value, Instant observedAt, String district,
                           Double lat, Double lon) {
        Quality quality = metric.isPlausible(value) ? Quality.GOOD : Quality.SUSPECT;
        return new Reading(sensorId, metric.id(), value, metric.unit(), observedAt, district, lat, lon, quality);
    }
}
