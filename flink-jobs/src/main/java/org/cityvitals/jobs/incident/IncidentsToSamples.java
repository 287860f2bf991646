package org.cityvitals.jobs.incident;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IncidentMeasure;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.TimeUnits;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.window.Sample;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns each stage of a case (seen once, after {@link IncidentStages}) into window samples for the windowed incident
 * KPIs: a report counts towards new cases per hour; a dispatch or a resolution contributes the time since the report,
 * in the indicator's own unit (hours where the catalogue says h). A report also makes the same count series exist in
 * every other district of its city, so a district without any case reads 0, not nothing. (The open backlog is a
 * running count, kept by {@link IncidentBacklog}.)
 */
public final class IncidentsToSamples implements FlatMapFunction<Incident, Sample> {

    private static final long serialVersionUID = 1L;

    private final CatalogueText catalogue;

    public IncidentsToSamples(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void flatMap(Incident incident, Collector<Sample> out) {
        for (IndicatorDefinition d : catalogue.get().forIncidents()) {
            IncidentMeasure measure = d.source().measure();
            Instant at = stageTime(measure, incident);
            if (at == null || !d.source().incidents().matches(incident)) {
                continue;
            }
            long ts = at.toEpochMilli();
            if (measure == IncidentMeasure.NEW_PER_HOUR) {
                out.collect(Sample.of(d.id(), incident.district(), 1, false, incident.id(), ts));
                for (String other : CityProfiles.ofArea(incident.district()).districtsOtherThan(incident.district())) {
                    out.collect(Sample.presence(d.id(), other, ts));
                }
            } else {
                double elapsed = Duration.between(incident.reportedAt(), at).toMillis()
                        / (double) TimeUnits.lengthOf(d.unit()).toMillis();
                out.collect(Sample.of(d.id(), incident.district(), elapsed, false, incident.id(), ts));
            }
        }
    }

    /** When this stage contributes to {@code measure}, or null when it does not. */
    private static Instant stageTime(IncidentMeasure measure, Incident incident) {
        return switch (measure) {
            case NEW_PER_HOUR -> incident.status() == IncidentStatus.REPORTED ? incident.reportedAt() : null;
            case TIME_TO_DISPATCH -> incident.status() == IncidentStatus.DISPATCHED ? incident.dispatchedAt() : null;
            case TIME_TO_RESOLVE -> incident.status() == IncidentStatus.RESOLVED ? incident.resolvedAt() : null;
            case BACKLOG -> null;
        };
    }
}
