package org.cityvitals.indicators.catalogue;

import java.util.Set;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;

/** Which incidents an indicator counts: any of {@code sources}, and any of {@code categories} unless that is empty. */
public record IncidentFilter(Set<IncidentSource> sources, Set<String> categories) {

    public IncidentFilter {
        sources = Set.copyOf(sources);
        categories = Set.copyOf(categories);
    }

    public boolean matches(Incident incident) {
        return sources.contains(incident.source())
                && (categories.isEmpty() || categories.contains(incident.category()));
    }
}
