package org.cityvitals.indicators.catalogue;

import org.cityvitals.indicators.level.Level;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped situation rules, and one test per validation rule with the exact {@code file:line} problem. */
class SituationRulesTest {
    private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.loadDefault();
    private static final String VALID = """
            hazards:
              - id: rainstorm
                name: {zh: 暴雨内涝, en: Rainstorm flooding}
                indicators: [weather.rain_3h, flood.ponding_depth]
                window: 2h
            inhibitions:
              - source: rainstorm
                targets: [traffic.tpi]
                reason: flooded roads
            escalation:
              - levels: [red]
                steps:
                  - {after: 5m, to: district_chief}
                  - {after: 15m, to: city_centre}
                renotify: 30m
            causes:
              - {id: weather, name: {zh: 天气, en: Weather}}
              - {id: false_alarm, name: {zh: 误报, en: False alarm}}
            """;

    private static List<String> problems(String yaml) {
        SituationRules.Loaded loaded = SituationRules.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "s.yaml", CATALOGUE);
        assertThat(loaded.rules() == null).isEqualTo(!loaded.ok());
        return loaded.problems();
    }

    /** VALID with another escalation policy after its own. */
    private static String withPolicy(String policy) {
        return VALID.replace("causes:", policy + "causes:");
    }

    private static List<String> problemsReplacing(String from, String to) {
        String yaml = VALID.replace(from, to);
        assertThat(yaml).isNotEqualTo(VALID);
        return problems(yaml);
    }

    @Test
    void theShippedRulesLinkTheIssuesHazardsToRealIndicators() {
        SituationRules rules = SituationRules.loadDefault(CATALOGUE).orThrow();
        assertThat(rules.hazards()).extracting(Hazard::id).containsExactly("rainstorm", "pollution", "outage");
        assertThat(rules.hazardOf("flood.ponding_depth")).map(Hazard::id).contains("rainstorm");
        assertThat(rules.hazardOf("infra.fault_backlog")).map(Hazard::id).contains("rainstorm");
        assertThat(rules.hazardOf("air.aqi")).map(Hazard::id).contains("pollution");
        assertThat(rules.hazardOf("power.fault_backlog")).map(Hazard::id).contains("outage");
        assertThat(rules.hazardOf("traffic.tpi")).isEmpty();
        assertThat(rules.inhibitionsOf("water.pressure_min")).extracting(Inhibition::source).containsExactly("outage");
        assertThat(rules.policyFor(Level.RED, "310101").orElseThrow().steps()).containsExactly(
                new EscalationPolicy.Step(Duration.ofMinutes(5), "district_chief"),
                new EscalationPolicy.Step(Duration.ofMinutes(15), "city_centre"));
        assertThat(rules.policyFor(Level.YELLOW, "310101")).isEmpty();
        assertThat(rules.causes()).extracting(Cause::id).containsExactly("weather", "equipment_failure",
                "third_party_damage", "overload", "planned_work", "false_alarm", "other");
    }

    @Test
    void theCentresResponseTimesAreJudgedByTheCatalogueOnTheEscalationPolicysSteps() {
        SituationRules rules = SituationRules.loadDefault(CATALOGUE).orThrow();
        ResponseIndicators times = rules.responseIndicators();
        // acknowledged on average at the red policy's first step (5 min): yellow; at its second (15 min): orange;
        // at red's reminder interval (30 min): red
        var acknowledge = times.judging(ResponseStep.ACKNOWLEDGE, "rainstorm").orElseThrow();
        assertThat(acknowledge.id()).isEqualTo("operations.time_to_acknowledge.rainstorm");
        assertThat(acknowledge.thresholds().levelOf(4.99)).isEqualTo(Level.BLUE);
        assertThat(acknowledge.thresholds().levelOf(5)).isEqualTo(Level.YELLOW);
        assertThat(acknowledge.thresholds().levelOf(15)).isEqualTo(Level.ORANGE);
        assertThat(acknowledge.thresholds().levelOf(30)).isEqualTo(Level.RED);
        assertThat(acknowledge.standard()).contains("escalation policy");
        // a situation outside every hazard is keyed by its indicator and judged by the overall series
        assertThat(times.judging(ResponseStep.RESOLVE, "traffic.tpi").orElseThrow().id())
                .isEqualTo("operations.time_to_resolve");
        assertThat(times.countedIn(ResponseStep.DISPATCH, "outage")).extracting(IndicatorDefinition::id)
                .containsExactly("operations.time_to_dispatch", "operations.time_to_dispatch.outage");
        // every per-hazard series times a hazard the shipped rules define: none stays empty for want of one
        assertThat(times.all()).extracting(d -> d.source().hazard()).filteredOn(java.util.Objects::nonNull)
                .isSubsetOf(rules.hazards().stream().map(Hazard::id).toList())
                .containsOnly("rainstorm", "pollution", "outage");
    }

    @Test
    void responseTimesAreTheCataloguesNotTheRules() {
        assertThat(problems(VALID + "response_times:\n  acknowledge: {red: 30}\n"))
                .containsExactly("s.yaml:19: unknown field 'response_times'");
    }

    @Test
    void causesAreRequiredAndNamedOnce() {
        assertThat(problemsReplacing("  - {id: false_alarm, name: {zh: 误报, en: False alarm}}",
                "  - {id: weather, name: {zh: 误报, en: False alarm}}"))
                .containsExactly("s.yaml:18: duplicate cause 'weather' (first defined on line 17)");
        assertThat(problemsReplacing("  - {id: false_alarm, name: {zh: 误报, en: False alarm}}",
                "  - {id: False-Alarm, name: {zh: 误报}}")).containsExactly(
                "s.yaml:18: 'id' must be a lower-case name like district_chief, was 'False-Alarm'",
                "s.yaml:18: missing field 'name.en'");
        assertThat(problems(VALID.substring(0, VALID.indexOf("causes:"))))
                .containsExactly("s.yaml:1: missing field 'causes'");
    }

    @Test
    void theExampleInTheReadmeLoadsAsWritten() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String block = readme.substring(readme.indexOf("<!-- situation-rules-example -->"),
                readme.indexOf("<!-- /situation-rules-example -->"));
        String yaml = block.substring(block.indexOf("```yaml\n") + 8, block.lastIndexOf("```"));
        SituationRules rules = SituationRules.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "README.md", CATALOGUE).orThrow();
        assertThat(rules.hazardOf("flood.river_level")).map(Hazard::id).contains("rainstorm");
        assertThat(rules.inhibitionsOf("water.pressure_min")).extracting(Inhibition::source).containsExactly("outage");
        assertThat(rules.policyFor(Level.RED, "310101").orElseThrow().renotify()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rules.policyFor(Level.RED, "310115")).as("the example's policy names Huangpu only").isEmpty();
    }

    @Test
    void theTemplateIsValid() {
        assertThat(problems(VALID)).isEmpty();
    }

    @Test
    void aPolicyNamingTheDistrictWinsOverTheDefault() {
        SituationRules rules = SituationRules.load(new ByteArrayInputStream(withPolicy("""
                  - levels: [red]
                    districts: ["310115"]
                    steps: [{after: 10m, to: district_chief}]
                """).getBytes(StandardCharsets.UTF_8)), "s.yaml", CATALOGUE).orThrow();
        assertThat(rules.policyFor(Level.RED, "310115").orElseThrow().steps().get(0).after())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(rules.policyFor(Level.RED, "310101").orElseThrow().steps().get(0).after())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void unknownIndicator() {
        assertThat(problemsReplacing("flood.ponding_depth]", "flood.puddles]"))
                .containsExactly("s.yaml:4: unknown indicator 'flood.puddles' in indicators");
    }

    @Test
    void platformIndicatorsNeverJoinASituation() {
        assertThat(problemsReplacing("flood.ponding_depth]", "dq.air.completeness]")).containsExactly(
                "s.yaml:4: indicator dq.air.completeness is the platform's own (data_quality): its alarms go to"
                        + " platform staff, never into a district's situation");
    }

    @Test
    void anIndicatorBelongsToOneHazard() {
        assertThat(problems(VALID.replace("inhibitions:", """
                  - id: storm
                    name: {zh: 风暴, en: Storm}
                    indicators: [weather.rain_3h]
                    window: 1h
                inhibitions:"""))).containsExactly("s.yaml:8: indicator weather.rain_3h already belongs to hazard"
                + " rainstorm: an alert joins one situation");
    }

    @Test
    void inhibitionOfUnknownHazardOrOfItsOwnIndicator() {
        assertThat(problemsReplacing("source: rainstorm", "source: blizzard"))
                .containsExactly("s.yaml:7: unknown hazard 'blizzard', expected one of rainstorm");
        assertThat(problemsReplacing("targets: [traffic.tpi]", "targets: [flood.ponding_depth]"))
                .containsExactly("s.yaml:8: indicator flood.ponding_depth belongs to hazard rainstorm itself: it"
                        + " joins the situation, it is not inhibited by it");
    }

    @Test
    void stepsComeLaterAndLater() {
        assertThat(problemsReplacing("{after: 15m, to: city_centre}", "{after: 5m, to: city_centre}"))
                .containsExactly("s.yaml:14: steps must come later and later: 5 min is not after the step before");
    }

    @Test
    void normalNeverEscalatesAndDistrictsMustBeKnown() {
        assertThat(problemsReplacing("levels: [red]", "levels: [normal]\n    districts: [\"999999\"]"))
                .containsExactly("s.yaml:11: normal is no warning level: nothing escalates at normal",
                        "s.yaml:12: unknown district '999999' in districts");
    }

    @Test
    void twoPoliciesMayNotCoverTheSameLevelAndDistrict() {
        assertThat(problems(withPolicy("""
                  - levels: [orange, red]
                    steps: [{after: 10m, to: district_chief}]
                """))).containsExactly("s.yaml:16: level red in * is already covered by the policy on line 11");
    }

    @Test
    void badWindowAndDutyName() {
        assertThat(problemsReplacing("window: 2h", "window: 0s"))
                .containsExactly("s.yaml:5: 'window' must be longer than 0");
        assertThat(problemsReplacing("to: city_centre", "to: City Centre"))
                .containsExactly("s.yaml:14: 'to' must be a lower-case name like district_chief, was 'City Centre'");
    }
}
