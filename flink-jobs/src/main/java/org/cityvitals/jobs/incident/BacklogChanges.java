package org.cityvitals.jobs.incident;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IncidentMeasure;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.jobs.CatalogueText;

/**
 * Routes each case span to the backlog series it opens or closes a case in, and makes the same series exist in the
 * city's other districts (a presence), so a district with nothing open reads 0.
 */
public final class BacklogChanges implements FlatMapFunction<CaseSpan, BacklogChange> {

    private static final long serialVersionUID = 1L;

    private final CatalogueText catalogue;

    public BacklogChanges(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void flatMap(CaseSpan span, Collector<BacklogChange> out) {
        for (IndicatorDefinition d : catalogue.get().forIncidents()) {
            if (d.source().measure() != IncidentMeasure.BACKLOG || !d.source().incidents().matches(span.incident())) {
                continue;
            }
            String district = span.incident().district();
            out.collect(new BacklogChange(d.id(), district, span.incident().id(), span.reportedAt(),
                    span.resolvedAt()));
            for (String other : CityProfiles.ofArea(district).districtsOtherThan(district)) {
                out.collect(new BacklogChange(d.id(), other, null, span.reportedAt(), CaseSpan.OPEN));
            }
        }
    }
}
