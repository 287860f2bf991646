package org.cityvitals.jobs.incident;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IncidentMeasure;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.city.CityProfiles;
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
            long reported = incident.reportedAt().toEpochMilli();
            long resolved = incident.status() == IncidentStatus.RESOLVED ? incident.resolvedAt().toEpochMilli()
                    : BacklogChange.OPEN;
            for (String district : new String[] {incident.district(), CityProfiles.ofArea(incident.district()).code()}) {
                out.collect(new BacklogChange(d.id(), district, incident.id(), reported, resolved));
            }
        }
    }
}
