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

    /** Air sensor completeness (registered air sensors that reported) over 3-minute windows every minute. */
    public static final String AIR_COMPLETENESS = """
              - id: t.completeness
                name: {zh: 测试完整率, en: Test completeness}
                domain: data_quality
                unit: "%"
                source: {network: air, quality: completeness}
                aggregation: coverage
                window: {size: 3m, slide: 1m}
                direction: lower_is_worse
                levels: {blue: 95, yellow: 90}
                hysteresis: 2
                for: 0s
                city: pooled
                when_silent: no_data
            """;

    /** Minutes since the newest air reading at each 3-minute window's end, every minute. */
    public static final String AIR_FRESHNESS = """
              - id: t.freshness
                name: {zh: 测试时效, en: Test data age}
                domain: data_quality
                unit: min
                source: {network: air, quality: freshness}
                aggregation: age
                window: {size: 3m, slide: 1m}
                direction: higher_is_worse
                levels: {blue: 5, yellow: 15}
                hysteresis: 1
                for: 0s
                city: pooled
                when_silent: no_data
            """;

    /** Air readings marked suspect or bad, counted over 3-minute windows every minute, zero when silent. */
    public static final String AIR_REJECTED = """
              - id: t.rejected
                name: {zh: 测试不可用读数, en: Test unusable readings}
                domain: data_quality
                unit: readings
                source: {network: air, quality: rejected}
                aggregation: count
                window: {size: 3m, slide: 1m}
                direction: higher_is_worse
                levels: {blue: 1, yellow: 10}
                hysteresis: 0.5
                for: 0s
                city: sum_of_districts
                when_silent: zero
            """;
}
