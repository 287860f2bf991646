package org.cityvitals.jobs.alert;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.jobs.testing.TestCatalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the level rule over random value sequences, on tumbling and sliding windows with for-durations of
 * zero to several slides: no alert opens before its condition has held for the for-duration (counted from the end of
 * the first window in which it held), one does open within the for-duration plus one slide once the condition holds,
 * and a value that stays inside the hysteresis band never makes the level flap.
 */
class LevelRulePropertyTest {

    private static final long T0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    /** Blue at 75, yellow at 115, hysteresis 5. */
    private static final double BLUE = 75;
    private static final double YELLOW = 115;
    private static final double HYSTERESIS = 5;

    /** A window shape and for-duration: size = slide × slidesPerWindow, for = slide × forSlides. */
    record Rule(int slideMinutes, int slidesPerWindow, int forSlides) {
        IndicatorDefinition definition() {
            return TestCatalogue.of("""
                      - id: t.prop
                        name: {zh: 性质, en: Property}
                        domain: air_environment
                        unit: µg/m³
                        source: {metric: pm25}
                        aggregation: mean
                        window: {size: %dm, slide: %dm}
                        direction: higher_is_worse
                        levels: {blue: 75, yellow: 115}
                        hysteresis: 5
                        for: %dm
                        weight: 1
                        city: pooled
                        when_silent: no_data
                    """.formatted(slideMinutes * slidesPerWindow, slideMinutes, slideMinutes * forSlides))
                    .get().byId("t.prop").orElseThrow();
        }

        long slide() {
            return slideMinutes * MINUTE;
        }
    }

    @Provide
    Arbitrary<Rule> rules() {
        return Combinators.combine(Arbitraries.of(1, 5, 10), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(0, 6)).as(Rule::new);
    }

    @Provide
    Arbitrary<List<Double>> values() {
        // values around the thresholds and the hysteresis band, so every kind of crossing happens
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 200).ofScale(1),
                        Arbitraries.of(70.0, 74.9, 75.0, 80.0, 110.0, 114.9, 115.0, 120.0))
                .list().ofMinSize(1).ofMaxSize(80);
    }

    /** The rule's events for one window after another, each ending one slide after the one before. */
    private static List<Optional<AlertEvent>> judge(Rule rule, List<Double> values) {
        IndicatorDefinition d = rule.definition();
        LevelRule.State state = new LevelRule.State();
        List<Optional<AlertEvent>> events = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            long end = T0 + (i + 1) * rule.slide();
            IndicatorValue v = new IndicatorValue("t.prop", "310101", Instant.ofEpochMilli(end - d.window().size()
                    .toMillis()), Instant.ofEpochMilli(end), values.get(i), 1, Level.NORMAL, 1);
            events.add(LevelRule.apply(state, v, d, d.thresholds(), Origin.LIVE));
        }
        return events;
    }

    private static Thresholds thresholds(Rule rule) {
        return rule.definition().thresholds();
    }

    @Property
    void noAlertOpensBeforeItsConditionHeldForTheForDuration(@ForAll("rules") Rule rule,
                                                             @ForAll("values") List<Double> values) {
        List<Optional<AlertEvent>> events = judge(rule, values);
        for (int k = 0; k < events.size(); k++) {
            Optional<AlertEvent> e = events.get(k);
            if (e.isPresent() && e.get().kind() == AlertKind.OPENED) {
                int first = (int) ((e.get().since().toEpochMilli() - T0) / rule.slide()) - 1;
                long held = (k - first) * rule.slide();
                assertThat(held).as("held before opening").isGreaterThanOrEqualTo(rule.forSlides() * rule.slide());
                for (int i = first; i <= k; i++) {
                    assertThat(thresholds(rule).levelOf(values.get(i))).as("window %d", i).isNotEqualTo(Level.NORMAL);
                }
            }
        }
    }

    @Property
    void anAlertOpensWithinTheForDurationPlusOneSlideOnceTheConditionHolds(@ForAll("rules") Rule rule,
                                                                          @ForAll("values") List<Double> values) {
        List<Optional<AlertEvent>> events = judge(rule, values);
        boolean open = false;
        int heldSince = -1;
        for (int i = 0; i < values.size(); i++) {
            Optional<AlertEvent> e = events.get(i);
            if (e.isPresent()) {
                open = e.get().kind() != AlertKind.RESOLVED;
            }
            boolean crossing = values.get(i) >= BLUE;
            heldSince = crossing ? (heldSince < 0 ? i : heldSince) : -1;
            if (heldSince >= 0 && (i - heldSince) >= rule.forSlides()) {
                assertThat(open).as("open at window %d, held since %d, for %d slides", i, heldSince,
                        rule.forSlides()).isTrue();
            }
        }
    }

    @Property
    void aValueInsideTheHysteresisBandNeverMakesTheLevelFlap(@ForAll("rules") Rule rule,
                                                             @ForAll("bandValues") List<Double> values) {
        // first far above blue until the alert is open at blue, then anywhere in [blue - hysteresis, yellow)
        List<Double> sequence = new ArrayList<>();
        for (int i = 0; i <= rule.forSlides(); i++) {
            sequence.add(90.0);
        }
        int settled = sequence.size();
        sequence.addAll(values);
        List<Optional<AlertEvent>> events = judge(rule, sequence);
        assertThat(events.get(settled - 1)).hasValueSatisfying(e -> assertThat(e.level()).isEqualTo(Level.BLUE));
        assertThat(events.subList(settled, events.size())).allSatisfy(e -> assertThat(e).isEmpty());
    }

    @Provide
    Arbitrary<List<Double>> bandValues() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(BLUE - HYSTERESIS, YELLOW).ofScale(3)
                        .filter(v -> v < YELLOW),
                Arbitraries.of(BLUE - HYSTERESIS, 70.0, 74.999, 114.999)).list().ofMaxSize(60);
    }
}
