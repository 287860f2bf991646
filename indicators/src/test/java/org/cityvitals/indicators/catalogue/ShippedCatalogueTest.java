package org.cityvitals.indicators.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityvitals.indicators.level.Direction;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.metric.MetricRegistry;
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
        assertThat(hotline.thresholdsFor("310115", false).blue()).isEqualTo(200);
        assertThat(hotline.thresholdsFor("310101", false)).isEqualTo(hotline.thresholds());
    }

    @Test
    void pm25IsTheWalkingSkeletonIndicator() {
        IndicatorDefinition pm25 = catalogue.byId("air.pm25").orElseThrow();
        assertThat(pm25.nameZh()).isEqualTo("PM2.5浓度");
        assertThat(pm25.nameEn()).isEqualTo("PM2.5 concentration");
        assertThat(pm25.source().metric()).isEqualTo("pm25");
        assertThat(pm25.unit()).isEqualTo("µg/m³");
        assertThat(pm25.aggregation()).isEqualTo(Aggregation.MEAN);
        assertThat(pm25.window()).isEqualTo(new Window(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        assertThat(pm25.direction()).isEqualTo(Direction.HIGHER_IS_WORSE);
        assertThat(pm25.thresholds().levelOf(120)).isEqualTo(Level.YELLOW);
        assertThat(pm25.hysteresis()).isEqualTo(5);
        assertThat(pm25.standard()).contains("HJ 633-2012");
        assertThat(catalogue.forMetric("pm25")).contains(pm25);
    }

    @Test
    void theCentresResponseTimesAreOutsideEveryIndexTheStreamingJobReads() {
        var responseTimes = ResponseIndicators.of(catalogue).all();
        // three steps, each over every situation and per hazard of situations.yaml (rainstorm, pollution, outage)
        assertThat(responseTimes).hasSize(3 * (1 + 3)).allMatch(d -> d.domain() == Domain.OPERATIONS_CENTRE
                && d.weight() == 0 && d.rules().equals(Set.of(AlertRule.LEVEL)));
        // the Flink job finds its indicators by metric, by network and among the incident ones: none of these
        var read = new java.util.HashSet<>(catalogue.forIncidents());
        MetricRegistry.loadDefault().all().forEach(m -> read.addAll(catalogue.forMetric(m.id())));
        catalogue.all().stream().filter(d -> d.source().isQuality())
                .forEach(d -> read.addAll(catalogue.forNetwork(d.source().network())));
        assertThat(read).doesNotContainAnyElementsOf(responseTimes);
        assertThat(read.size() + responseTimes.size()).isEqualTo(catalogue.all().size());
    }
}
