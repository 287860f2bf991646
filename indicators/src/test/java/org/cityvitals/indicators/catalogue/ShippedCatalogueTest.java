package org.cityvitals.indicators.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShippedCatalogueTest {
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.loadDefault();

    @Test
    void hasAtLeastThirtyIndicatorsInEveryDomain() {
        assertThat(catalogue.all()).hasSizeGreaterThanOrEqualTo(30);
        Set<Domain> domains = catalogue.all().stream().map(IndicatorDefinition::domain).collect(Collectors.toSet());
        assertThat(domains).isEqualTo(EnumSet.allOf(Domain.class));
    }

    @Test
    void incidentIndicatorsCoverBacklogNewPerHourAndResponseTimePercentiles() {
        Set<String> kinds = catalogue.forIncidents().stream()
                .map(d -> d.source().measure() + "/" + d.aggregation())
                .collect(Collectors.toSet());
        assertThat(kinds).contains("BACKLOG/COUNT", "NEW_PER_HOUR/COUNT", "TIME_TO_DISPATCH/P50",
                "TIME_TO_DISPATCH/P90", "TIME_TO_RESOLVE/P50", "TIME_TO_RESOLVE/P90");
    }

    @Test
    void pudongOverridesHotlineVolumeBecauseItHasFiveTimesTheAveragePopulation() {
        IndicatorDefinition hotline = catalogue.byId("hotline.new_per_hour").orElseThrow();
        assertThat(hotline.thresholdsFor("310115").blue()).isEqualTo(200);
        assertThat(hotline.thresholdsFor("310101")).isEqualTo(hotline.thresholds());
    }
}
