package org.cityvitals.indicators.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per validation rule: a valid one-indicator file with one line changed, and the exact problem reported. */
class CatalogueValidationTest {
    private static final String VALID = """
            indicators:
              - id: test.pm25
                name: {zh: 测试, en: Test}
                domain: air_environment
                unit: µg/m³
                source: {metric: pm25}
                aggregation: mean
                window: {size: 5m, slide: 1m}
                direction: higher_is_worse
                levels: {blue: 75, yellow: 115, orange: 150, red: 250}
                hysteresis: 5
                for: 0s
                weight: 1
                city: pooled
                when_silent: no_data
            """;

    private static List<String> problems(String yaml) {
        LoadResult result = IndicatorCatalogue.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml");
        assertThat(result.ok()).isEqualTo(result.problems().isEmpty());
        assertThat(result.catalogue() == null).isEqualTo(!result.ok());
        return result.problems();
    }

    /** Problems of the valid file with the line that starts with {@code field:} replaced by {@code line}. */
    private static List<String> problemsWith(String field, String line) {
        String yaml = VALID.replaceFirst("(?m)^    " + field + ":.*$", "    " + line);
        assertThat(yaml).isNotEqualTo(VALID);
        return problems(yaml);
    }

    private static List<String> problemsAdding(String lines) {
        return problems(VALID + lines);
    }

    @Test
    void theTemplateIsValid() {
        assertThat(problems(VALID)).isEmpty();
    }

    @Test
    void yamlSyntaxError() {
        assertThat(problemsWith("levels", "levels: {blue: 75"))
                .singleElement().asString().startsWith("t.yaml:11: YAML syntax error: ");
    }

    @Test
    void emptyCatalogue() {
        assertThat(problems("indicators: []\n")).containsExactly("t.yaml:1: the catalogue has no indicators");
    }

    @Test
    void unknownField() {
        assertThat(problemsAdding("    levle: 3\n")).containsExactly("t.yaml:16: unknown field 'levle'");
    }

    @Test
    void missingField() {
        assertThat(problems(VALID.replace("    unit: µg/m³\n", "")))
                .containsExactly("t.yaml:2: missing field 'unit'");
    }

    @Test
    void missingChineseName() {
        assertThat(problemsWith("name", "name: {en: Test}")).containsExactly("t.yaml:3: missing field 'name.zh'");
    }

    @Test
    void missingEnglishName() {
        assertThat(problemsWith("name", "name: {zh: 测试, en: ''}"))
                .containsExactly("t.yaml:3: 'name.en' must be a non-empty text");
    }

    @Test
    void duplicateId() {
        String second = VALID.substring(VALID.indexOf("  - id"));
        assertThat(problems(VALID + second))
                .containsExactly("t.yaml:16: duplicate id 'test.pm25' (first defined on line 2)");
    }

    @Test
    void malformedId() {
        assertThat(problems(VALID.replace("id: test.pm25", "id: PM25")))
                .containsExactly("t.yaml:2: id 'PM25' must be lower-case words joined by dots, like air.pm25");
    }

    @Test
    void unknownDomain() {
        assertThat(problemsWith("domain", "domain: weather")).containsExactly("t.yaml:4: unknown domain 'weather', "
                + "expected one of air_environment, traffic, water, power, gas, weather_flooding, public_safety, "
                + "hotline_12345, infrastructure, data_quality, operations_centre, custom");
    }

    @Test
    void unknownMetric() {
        assertThat(problemsWith("source", "source: {metric: pm2.5}"))
                .containsExactly("t.yaml:6: unknown metric 'pm2.5'");
    }

    @Test
    void sourceWithNeitherMetricNorIncidents() {
        assertThat(problemsWith("source", "source: {measure: backlog}"))
                .containsExactly("t.yaml:6: source must name exactly one of a metric, incidents, a network or situations, not none");
    }

    @Test
    void unknownIncidentSource() {
        assertThat(problemsWith("source", "source: {incidents: [\"999\"], measure: backlog}"))
                .contains("t.yaml:6: unknown incident source '999', expected one of 12345, 110, 119, 120, utility");
    }

    @Test
    void unknownAggregation() {
        assertThat(problemsWith("aggregation", "aggregation: median")).containsExactly("t.yaml:7: unknown "
                + "aggregation 'median', expected one of mean, min, max, sum, count, rate, ratio, p50, p90, p95, distinct, "
                + "coverage, age");
    }

    @Test
    void windowSlideLongerThanSize() {
        assertThat(problemsWith("window", "window: {size: 1m, slide: 5m}"))
                .containsExactly("t.yaml:8: window slide 5m is longer than its size 1m");
    }

    @Test
    void windowSizeNotMultipleOfSlide() {
        assertThat(problemsWith("window", "window: {size: 5m, slide: 2m}"))
                .containsExactly("t.yaml:8: window size 5m is not a multiple of its slide 2m");
    }

    @Test
    void windowOfZeroLength() {
        assertThat(problemsWith("window", "window: {size: 0s, slide: 0s}"))
                .containsExactly("t.yaml:8: window size and slide must be positive");
    }

    @Test
    void windowDurationWithoutUnit() {
        assertThat(problemsWith("window", "window: {size: 5, slide: 1m}"))
                .containsExactly("t.yaml:8: 'window.size' must be a duration like 30s, 5m, 1h or 1d");
    }

    @Test
    void unknownDirection() {
        assertThat(problemsWith("direction", "direction: up")).containsExactly(
                "t.yaml:9: unknown direction 'up', expected one of higher_is_worse, lower_is_worse, either");
    }

    @Test
    void unsortedThresholds() {
        assertThat(problemsWith("levels", "levels: {blue: 75, yellow: 60, orange: 150, red: 250}")).containsExactly(
                "t.yaml:10: thresholds not sorted: yellow 60 must be above blue 75 when higher_is_worse");
    }

    @Test
    void unsortedThresholdsWhenLowerIsWorse() {
        String yaml = VALID.replace("direction: higher_is_worse", "direction: lower_is_worse");
        assertThat(problems(yaml)).containsExactly(
                "t.yaml:10: thresholds not sorted: yellow 115 must be below blue 75 when lower_is_worse");
    }

    @Test
    void overlappingThresholds() {
        assertThat(problemsWith("levels", "levels: {blue: 75, yellow: 75, orange: 150}"))
                .containsExactly("t.yaml:10: thresholds overlap: yellow equals blue (75)");
    }

    @Test
    void noThresholds() {
        assertThat(problemsWith("levels", "levels: {}")).containsExactly(
                "t.yaml:10: no threshold set: at least one of blue, yellow, orange, red is needed");
    }

    @Test
    void thresholdThatIsNotANumber() {
        assertThat(problemsWith("levels", "levels: {blue: high, red: 250}"))
                .containsExactly("t.yaml:10: 'levels.blue' must be a number");
    }

    @Test
    void negativeHysteresis() {
        assertThat(problemsWith("hysteresis", "hysteresis: -1"))
                .containsExactly("t.yaml:11: hysteresis must not be negative");
    }

    @Test
    void hysteresisWiderThanAGapBetweenThresholds() {
        assertThat(problemsWith("hysteresis", "hysteresis: 35")).containsExactly(
                "t.yaml:10: hysteresis 35 is not smaller than the gap between yellow and orange (35)");
    }

    @Test
    void badForDuration() {
        assertThat(problemsWith("for", "for: soon"))
                .containsExactly("t.yaml:12: 'for' must be a duration like 30s, 5m, 1h or 1d");
    }

    @Test
    void weightOutOfRange() {
        assertThat(problemsWith("weight", "weight: 0"))
                .containsExactly("t.yaml:13: weight must be above 0 and at most 10");
    }

    @Test
    void unknownDistrictInOverride() {
        assertThat(problemsAdding("    overrides:\n      \"999999\": {blue: 80}\n"))
                .containsExactly("t.yaml:17: unknown district '999999' in overrides");
    }

    @Test
    void invalidThresholdsInOverride() {
        assertThat(problemsAdding("    overrides:\n      \"310115\": {blue: 90, yellow: 80}\n"))
                .containsExactly("t.yaml:17: thresholds not sorted: yellow 80 must be above blue 90 when higher_is_worse");
    }

    @Test
    void unitThatDoesNotMatchTheMetric() {
        assertThat(problemsWith("unit", "unit: mg/m³")).containsExactly(
                "t.yaml:5: unit 'mg/m³' does not match mean of metric pm25 (expected 'µg/m³')");
    }

    @Test
    void ratioWithoutWithinRange() {
        assertThat(problems(VALID.replace("aggregation: mean", "aggregation: ratio").replace("unit: µg/m³", "unit: '%'")))
                .containsExactly(
                "t.yaml:7: aggregation ratio needs source.within, the range that counts as in limits");
    }

    @Test
    void withinRangeWithoutRatio() {
        assertThat(problemsWith("source", "source: {metric: pm25, within: {max: 75}}"))
                .containsExactly("t.yaml:7: source.within is only used with aggregation ratio, not mean");
    }

    @Test
    void aggregationThatDoesNotFitTheIncidentMeasure() {
        String yaml = VALID.replace("source: {metric: pm25}", "source: {incidents: [\"12345\"], measure: backlog}")
                .replace("unit: µg/m³", "unit: cases");
        assertThat(problems(yaml.replace("when_silent: no_data", "when_silent: zero"))).containsExactly(
                "t.yaml:7: aggregation mean does not fit measure backlog (use count)",
                "t.yaml:15: when_silent zero is for counts (aggregation count), not mean");
    }

    @Test
    void durationIndicatorInAUnitThatIsNotATime() {
        String yaml = VALID.replace("source: {metric: pm25}",
                "source: {incidents: [\"120\"], measure: time_to_dispatch}").replace("unit: µg/m³", "unit: s")
                .replace("when_silent: no_data", "when_silent: nothing");
        assertThat(problems(yaml)).containsExactly("t.yaml:5: unit 's' of a duration must be a time unit: h or min");
    }

    @Test
    void reportsEveryProblemOfAFileNotJustTheFirst() {
        String yaml = VALID.replace("domain: air_environment", "domain: air").replace("weight: 1", "weight: 11");
        assertThat(problems(yaml)).hasSize(2);
    }

    @Test
    void aCountThatReadsNoDataWhenSilent() {
        String yaml = VALID.replace("source: {metric: pm25}", "source: {incidents: [\"119\"], measure: new_per_hour}")
                .replace("unit: µg/m³", "unit: cases/h").replace("aggregation: mean", "aggregation: count");
        assertThat(problems(yaml)).containsExactly(
                "t.yaml:15: when_silent no_data is for sensor readings; a count reads 0 when nothing happened");
    }

    @Test
    void zeroWhenSilentForReadings() {
        assertThat(problemsWith("when_silent", "when_silent: zero"))
                .containsExactly("t.yaml:15: when_silent zero is for counts (aggregation count), not mean");
    }

    @Test
    void instantNeedsTheWorstReadingKeptByTheWindow() {
        assertThat(problemsAdding("    instant: true\n")).containsExactly(
                "t.yaml:16: instant needs a metric source, aggregation max (higher_is_worse) and the level rule");
        assertThat(problems(VALID.replace("aggregation: mean", "aggregation: max") + "    instant: true\n")).isEmpty();
    }

    @Test
    void cityLevelsForACityValueThatIsNotComputed() {
        assertThat(problemsWith("city", "city: {aggregation: none, levels: {blue: 500}}"))
                .containsExactly("t.yaml:14: city levels are given but the city value is not computed");
    }

    @Test
    void unknownCityAggregation() {
        assertThat(problemsWith("city", "city: median")).containsExactly("t.yaml:14: unknown city 'median', expected "
                + "one of pooled, sum_of_districts, mean_of_districts, max_of_districts, min_of_districts, none");
    }

    @Test
    void eitherDirectionIsOnlyForIndicatorsWithoutLevels() {
        assertThat(problemsWith("direction", "direction: either")).contains(
                "t.yaml:9: direction either is only for indicators without levels");
        String anomalyOnly = VALID.replace("direction: higher_is_worse", "direction: either")
                .replace("    levels: {blue: 75, yellow: 115, orange: 150, red: 250}\n", "")
                .replace("    weight: 1\n", "") + "    rules: [anomaly]\n";
        assertThat(problems(anomalyOnly)).isEmpty();
    }

    @Test
    void anIndicatorWithoutLevelsHasNoWeight() {
        String anomalyOnly = VALID.replace("    levels: {blue: 75, yellow: 115, orange: 150, red: 250}\n", "")
                + "    rules: [anomaly]\n";
        assertThat(problems(anomalyOnly)).containsExactly(
                "t.yaml:12: indicators without levels never count in health: no weight");
    }

    @Test
    void anomalyRuleWithoutAScale() {
        assertThat(problemsWith("hysteresis", "hysteresis: 0")).containsExactly(
                "t.yaml:2: the anomaly rule needs anomaly_floor (or a positive hysteresis to use)");
        assertThat(problems(VALID.replace("hysteresis: 5", "hysteresis: 0") + "    anomaly_floor: 2\n")).isEmpty();
    }

    @Test
    void aRuleListedTwice() {
        assertThat(problemsAdding("    rules: [level, level]\n")).containsExactly("t.yaml:16: rule level is listed twice");
    }

    @Test
    void dataQualityNeedsANetworkSourceAndNoWeight() {
        assertThat(problemsWith("domain", "domain: data_quality")).containsExactly(
                "t.yaml:13: data-quality indicators never count in health: no weight",
                "t.yaml:4: domain data_quality is for sources of kind network/quality, and only they belong to it");
        String completeness = VALID.replace("domain: air_environment", "domain: data_quality")
                .replace("source: {metric: pm25}", "source: {network: air, quality: completeness}")
                .replace("aggregation: mean", "aggregation: coverage").replace("unit: µg/m³", "unit: '%'")
                .replace("direction: higher_is_worse", "direction: lower_is_worse")
                .replace("{blue: 75, yellow: 115, orange: 150, red: 250}", "{blue: 95, red: 50}")
                .replace("    weight: 1\n", "");
        assertThat(problems(completeness)).isEmpty();
        assertThat(problems(completeness.replace("network: air", "network: sewer"))).containsExactly(
                "t.yaml:6: unknown network 'sewer', expected one of air, traffic, water, power, gas, weather, "
                        + "infrastructure, custom");
    }

    /** The template turned into a response time of the operations centre, as the shipped catalogue writes one. */
    private static final String RESPONSE_TIME = VALID.replace("domain: air_environment", "domain: operations_centre")
            .replace("unit: µg/m³", "unit: min")
            .replace("source: {metric: pm25}", "source: {situations: acknowledge, hazard: rainstorm}")
            .replace("window: {size: 5m, slide: 1m}", "window: {size: 1h, slide: 1h}")
            .replace("{blue: 75, yellow: 115, orange: 150, red: 250}", "{blue: 2, yellow: 5, orange: 15, red: 30}")
            .replace("hysteresis: 5", "hysteresis: 0").replace("    weight: 1\n", "")
            .replace("when_silent: no_data", "when_silent: nothing") + "    rules: [level]\n";

    private static List<String> responseTimeProblems(String from, String to) {
        String yaml = RESPONSE_TIME.replace(from, to);
        assertThat(yaml).isNotEqualTo(RESPONSE_TIME);
        return problems(yaml);
    }

    @Test
    void aResponseTimeOfTheCentreIsAMeanOverClosedWindowsJudgedNeverAlertedOn() {
        assertThat(problems(RESPONSE_TIME)).isEmpty();
        assertThat(responseTimeProblems("aggregation: mean", "aggregation: p90")).containsExactly(
                "t.yaml:7: a response time is the mean of the window's situations: aggregation mean, not p90");
        assertThat(responseTimeProblems("slide: 1h}", "slide: 15m}")).containsExactly(
                "t.yaml:8: a response time is computed per closed window: slide = size");
        assertThat(responseTimeProblems("rules: [level]", "rules: [level, rate_of_change]")).containsExactly(
                "t.yaml:2: a response time is judged, never alerted on: rules [level], not instant");
        assertThat(responseTimeProblems("unit: min", "unit: situations")).containsExactly(
                "t.yaml:5: unit 'situations' of a duration must be a time unit: h or min");
        assertThat(responseTimeProblems("city: pooled", "city: sum_of_districts")).containsExactly(
                "t.yaml:13: the city value of a response time is the mean over all the city's situations: city "
                        + "pooled (or none)");
        assertThat(responseTimeProblems("when_silent: nothing", "when_silent: zero")).containsExactly(
                "t.yaml:14: when_silent zero is for counts (aggregation count), not mean");
    }

    @Test
    void onlyTheCentresResponseTimesBelongToItsDomainAndNoneCountsInHealth() {
        assertThat(responseTimeProblems("domain: operations_centre", "domain: air_environment")).containsExactly(
                "t.yaml:2: missing field 'weight'",
                "t.yaml:4: domain operations_centre is for sources of kind situations, and only they belong to it");
        assertThat(problemsWith("domain", "domain: operations_centre")).containsExactly(
                "t.yaml:13: operations-centre indicators never count in health: no weight",
                "t.yaml:4: domain operations_centre is for sources of kind situations, and only they belong to it");
        assertThat(responseTimeProblems("hazard: rainstorm", "hazard: Rain storm")).containsExactly(
                "t.yaml:6: source.hazard 'Rain storm' must be a hazard id of the situation rules, a lower-case name "
                        + "like rainstorm");
        assertThat(problemsWith("source", "source: {metric: pm25, hazard: rainstorm}")).containsExactly(
                "t.yaml:6: source.hazard is only used with situations");
    }
}
