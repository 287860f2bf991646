package org.cityvitals.indicators.governance;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lineage both ways and update periods, checked against the shipped files: PM2.5 is metric pm25 of the air network
 * (metrics.yaml), indicator air.pm25 averages it over 1-minute windows sliding every minute (indicators.yaml), and
 * hotline.new_per_hour counts 12345 cases in 1-hour windows sliding every 5 minutes.
 */
class MetadataCatalogueTest {

    private static final Classification CLASSIFICATION = Classification.loadDefault();
    private static final MetadataCatalogue CATALOGUE = new MetadataCatalogue(IndicatorCatalogue.loadDefault(),
            MetricRegistry.loadDefault(), CLASSIFICATION);

    @Test
    void everyItemOfTheDataStandardIsListedAndEveryLinkLeadsToOne() {
        // 13 sources (8 networks, 5 channels), 31 metrics, 82 indicators (70 from events, and the centre's 3 response
        // times over every situation and per each of 3 hazards), 2 datasets, 20 tables (V001-V015 and schema_version)
        assertThat(CATALOGUE.items()).hasSize(13 + 31 + 70 + 3 * (1 + 3) + 2 + 20);
        for (MetadataCatalogue.Item item : CATALOGUE.items()) {
            assertThat(item.from()).as("from of %s", item.ref()).allMatch(ref -> CATALOGUE.item(ref) != null);
            assertThat(item.to()).as("to of %s", item.ref()).allMatch(ref -> CATALOGUE.item(ref) != null);
            item.to().forEach(down -> assertThat(CATALOGUE.item(down).from()).as("back from %s", down)
                    .contains(item.ref()));
        }
    }

    @Test
    void pm25RunsFromTheAirNetworkThroughItsIndicatorToTheTables() {
        MetadataCatalogue.Item metric = CATALOGUE.item("metric:pm25");
        assertThat(metric.from()).containsExactly("source:air");
        assertThat(metric.to()).contains("indicator:air.pm25", "table:readings");
        assertThat(metric.unit()).isEqualTo("µg/m³");
        assertThat(metric.updateEvery()).isEqualTo(Duration.ofMinutes(1));
        MetadataCatalogue.Item indicator = CATALOGUE.item("indicator:air.pm25");
        assertThat(indicator.from()).containsExactly("metric:pm25");
        assertThat(indicator.to()).containsExactlyInAnyOrder("table:indicator_values",
                "table:indicator_values_hourly", "table:indicator_values_daily", "dataset:alerts",
                "dataset:health_scores");
        assertThat(indicator.dataClass()).isEqualTo(Clearance.OPEN);
        assertThat(indicator.owner()).isEqualTo("ecology_environment");
        assertThat(CATALOGUE.item("source:air").to()).contains("metric:pm25", "metric:pm10");
    }

    @Test
    void incidentChannelsFeedTheIncidentTableAndTheirIndicators() {
        assertThat(CATALOGUE.item("table:incidents").from()).containsExactlyInAnyOrder("source:12345", "source:110",
                "source:119", "source:120", "source:utility");
        assertThat(CATALOGUE.item("source:12345").to()).contains("indicator:hotline.new_per_hour", "table:incidents");
        assertThat(CATALOGUE.item("indicator:hotline.new_per_hour").updateEvery()).isEqualTo(Duration.ofMinutes(5));
        assertThat(CATALOGUE.item("dataset:health_scores").to()).containsExactly("table:health_scores");
    }

    @Test
    void searchFindsByNameInEitherLanguageByClassAndByOwner() {
        assertThat(CATALOGUE.search("pm2.5", CLASSIFICATION)).extracting(MetadataCatalogue.Item::ref)
                .contains("metric:pm25", "indicator:air.pm25").doesNotContain("indicator:traffic.tpi");
        assertThat(CATALOGUE.search("河道水位", CLASSIFICATION)).extracting(MetadataCatalogue.Item::ref)
                .contains("metric:river_level");
        // the only sensitive items of classification.yaml: the audit log and the accounts table
        assertThat(CATALOGUE.search("sensitive", CLASSIFICATION)).extracting(MetadataCatalogue.Item::ref)
                .containsExactlyInAnyOrder("table:audit_log", "table:platform_users");
        assertThat(CATALOGUE.search("Water Authority", CLASSIFICATION)).extracting(MetadataCatalogue.Item::ref)
                .contains("source:water", "metric:water_pressure");
        assertThat(CATALOGUE.search(" ", CLASSIFICATION)).hasSize(CATALOGUE.items().size());
    }
}
