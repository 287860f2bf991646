package org.cityvitals.jobs.window;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.Range;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.jobs.CatalogueText;

/**
 * Fans each reading out to every catalogue indicator computed from its metric, once for its district and once for
 * the city-wide series. Readings flagged BAD by their source are not measurements and do not count.
 */
public final class ReadingsToSamples implements FlatMapFunction<Reading, Sample> {

    private static final long serialVersionUID = 1L;

    private final CatalogueText catalogue;

    public ReadingsToSamples(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void flatMap(Reading r, Collector<Sample> out) {
        if (r.quality() == Quality.BAD) {
            return;
        }
        long ts = r.observedAt().toEpochMilli();
        for (IndicatorDefinition d : catalogue.get().forMetric(r.metric())) {
            Range within = d.source().within();
            boolean inside = within != null && within.contains(r.value());
            out.collect(new Sample(d.id(), r.district(), d.aggregation(), r.value(), inside, r.sensorId(), ts));
            out.collect(new Sample(d.id(), CityProfiles.ofArea(r.district()).code(), d.aggregation(), r.value(), inside, r.sensorId(), ts));
        }
    }
}
