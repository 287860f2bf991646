package org.cityvitals.jobs.incident;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IncidentMeasure;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.window.Sample;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns incident lifecycle events into window samples for the windowed incident KPIs: a report counts towards new
 * cases per hour; a dispatch or a resolution contributes its minutes since the report to time-to-dispatch or
 * time-to-resolve. (The open backlog is a running count, kept by {@link IncidentBacklog}.)
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
            if (!d.source().incidents().matches(incident)) {
                continue;
            }
            Instant at = stageTime(d.source().measure(), incident);
            if (at == null) {
                continue;
            }
            double value = d.source().measure() == IncidentMeasure.NEW_PER_HOUR ? 1
                    : Duration.between(incident.reportedAt(), at).toMillis() / 60_000.0;
            for (String district : new String[] {incident.district(), CityProfiles.ofArea(incident.district()).code()}) {
                out.collect(new Sample(d.id(), district, d.aggregation(), value, false, incident.id(),
                        at.toEpochMilli()));
            }
        }
    }

    /** When this event contributes to {@code measure}, or null when it does not. */
    private static Instant stageTime(IncidentMeasure measure, Incident incident) {
        return switch (measure) {
            case NEW_PER_HOUR -> incident.status() == IncidentStatus.REPORTED ? incident.reportedAt() : null;
            case TIME_TO_DISPATCH -> incident.status() == IncidentStatus.DISPATCHED ? incident.dispatchedAt() : null;
            case TIME_TO_RESOLVE -> incident.status() == IncidentStatus.RESOLVED ? incident.resolvedAt() : null;
            case BACKLOG -> null;
        };
    }
}
