package org.cityvitals.jobs.incident;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IncidentMeasure;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;

/** Routes each incident event to the backlog series it opens or closes a case in. */
public final class BacklogChanges implements FlatMapFunction<Incident, BacklogChange> {

    private static final long serialVersionUID = 1L;

    private final CatalogueText catalogue;

    public BacklogChanges(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void flatMap(Incident incident, Collector<BacklogChange> out) {
        for (IndicatorDefinition d : catalogue.get().forIncidents()) {
            if (d.source().measure() != IncidentMeasure.BACKLOG || !d.source().incidents().matches(incident)) {
                continue;
            }
            boolean open = incident.status() != IncidentStatus.RESOLVED;
            long at = (open ? incident.reportedAt() : incident.resolvedAt()).toEpochMilli();
            out.collect(new BacklogChange(d.id(), incident.district(), incident.id(), open, at));
            out.collect(new BacklogChange(d.id(), IndicatorValue.CITY, incident.id(), open, at));
        }
    }
}
