package org.cityvitals.jobs.testing;

import org.cityvitals.jobs.CatalogueText;

/**
 * Small catalogues for harness tests: each indicator is a complete catalogue entry, so the test reads its rules where
 * it uses them.
 */
public final class TestCatalogue {

    private TestCatalogue() {}

    /** A catalogue of the given entries (each a YAML list item indented by two spaces). */
    public static CatalogueText of(String... entries) {
        return CatalogueText.of("test.yaml", "indicators:\n" + String.join("", entries));
    }

    /** PM2.5-like mean: sliding 3-minute windows every minute, blue at 75, hysteresis 5. */
    public static final String MEAN_3M = """
              - id: t.mean
                name: {zh: 测试均值, en: Test mean}
                domain: air_environment
                unit: µg/m³
                source: {metric: pm25}
                aggregation: mean
                window: {size: 3m, slide: 1m}
                direction: higher_is_worse
                levels: {blue: 75, yellow: 115}
                hysteresis: 5
                for: 0s
                weight: 1
                city: pooled
                when_silent: no_data
            """;

    /** 12345 new cases per hour over 2-minute windows every minute, zero when silent, city the sum. */
    public static final String CASES_2M = """
              - id: t.cases
                name: {zh: 测试案件, en: Test cases}
                domain: hotline_12345
                unit: cases/h
                source: {incidents: ["12345"], measure: new_per_hour}
                aggregation: count
                window: {size: 2m, slide: 1m}
                direction: higher_is_worse
                levels: {blue: 60}
                hysteresis: 5
                for: 0s
                weight: 1
                city: sum_of_districts
                when_silent: zero
            """;
}
