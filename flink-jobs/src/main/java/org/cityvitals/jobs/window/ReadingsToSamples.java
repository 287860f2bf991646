package org.cityvitals.jobs.window;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.QualityMeasure;
import org.cityvitals.indicators.catalogue.Range;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.jobs.CatalogueText;

/**
 * Fans each reading out to the district series of every catalogue indicator computed from its metric, and to its
 * sensor network's data-quality series. Only readings of good quality become measurements: a reading its source or
 * ingest marked suspect (outside the plausible range) or bad counts only as a rejected reading of its network, so one
 * faulty gas sensor reporting 120 %LEL never turns a district red. A good reading of an indicator with an instant
 * rule also goes to {@link #INSTANT}, for the alert engine to judge at once.
 */
public final class ReadingsToSamples extends ProcessFunction<Reading, Sample> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<InstantReading> INSTANT = new OutputTag<>("instant-readings") { };

    private final CatalogueText catalogue;

    public ReadingsToSamples(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void processElement(Reading r, Context ctx, Collector<Sample> out) {
        IndicatorCatalogue indicators = catalogue.get();
        long ts = r.observedAt().toEpochMilli();
        boolean good = r.quality() == Quality.GOOD;
        String network = MetricRegistry.loadDefault().byId(r.metric()).map(m -> m.network()).orElse(null);
        if (network != null) {
            for (IndicatorDefinition d : indicators.forNetwork(network)) {
                boolean rejected = d.source().quality() == QualityMeasure.REJECTED;
                if (rejected != good) {
                    out.collect(Sample.of(d.id(), r.district(), 1, false, r.sensorId(), ts));
                }
            }
        }
        if (!good) {
            return;
        }
        for (IndicatorDefinition d : indicators.forMetric(r.metric())) {
            Range within = d.source().within();
            out.collect(Sample.of(d.id(), r.district(), r.value(), within != null && within.contains(r.value()),
                    r.sensorId(), ts));
            if (d.instant()) {
                ctx.output(INSTANT, new InstantReading(d.id(), r.district(), r.value(), ts));
            }
        }
    }
}
