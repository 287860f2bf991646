package org.cityvitals.jobs.window;

import org.cityvitals.indicators.catalogue.Aggregation;
import org.cityvitals.indicators.level.Direction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every aggregation of the catalogue on hand-computed examples, and merging panes equals adding their samples. */
class AccumulatorTest {

    private static final long T0 = 1_772_409_600_000L;
    private static final long MINUTE = 60_000;

    private static Accumulator of(Aggregation aggregation, Sample... samples) {
        Accumulator acc = new Accumulator();
        for (Sample s : samples) {
            acc.add(s, aggregation);
        }
        return acc;
    }

    private static Sample s(String sensor, long at, double value) {
        return Sample.of("t.x", "310101", value, value <= 30, sensor, at);
    }

    private static double result(Aggregation aggregation, Accumulator acc) {
        return acc.result(aggregation, T0 + 60 * MINUTE, 4, Direction.HIGHER_IS_WORSE);
    }

    @Test
    void simpleAggregations() {
        Sample[] values = {s("a", T0, 15), s("b", T0, 20), s("c", T0, 35), s("d", T0, 40), s("e", T0, 50)};
        assertThat(result(Aggregation.MEAN, of(Aggregation.MEAN, values))).isEqualTo(32);
        assertThat(result(Aggregation.MIN, of(Aggregation.MIN, values))).isEqualTo(15);
        assertThat(result(Aggregation.MAX, of(Aggregation.MAX, values))).isEqualTo(50);
        assertThat(result(Aggregation.SUM, of(Aggregation.SUM, values))).isEqualTo(160);
        assertThat(result(Aggregation.COUNT, of(Aggregation.COUNT, values))).isEqualTo(5);
        // 15 and 20 are within "at most 30": 2 of 5
        assertThat(result(Aggregation.RATIO, of(Aggregation.RATIO, values))).isEqualTo(40);
        assertThat(result(Aggregation.DISTINCT, of(Aggregation.DISTINCT, values))).isEqualTo(5);
    }

    @Test
    void nearestRankPercentiles() {
        Sample[] values = {s("a", T0, 50), s("b", T0, 15), s("c", T0, 40), s("d", T0, 35), s("e", T0, 20)};
        // sorted 15 20 35 40 50: p50 is the 3rd (ceil 2.5), p90 and p95 the 5th
        assertThat(result(Aggregation.P50, of(Aggregation.P50, values))).isEqualTo(35);
        assertThat(result(Aggregation.P90, of(Aggregation.P90, values))).isEqualTo(50);
        assertThat(result(Aggregation.P95, of(Aggregation.P95, values))).isEqualTo(50);
    }

    @Test
    void rateIsPerSensorNeverAcrossSensors() {
        // river gauge r1 rises from 4.0 m to 4.5 m in 30 min: 1.0 m/h; gauge r2 sits 1 m higher and rises 0.1 m in
        // 15 min: 0.4 m/h. Subtracting r1's first from r2's last would claim 2.2 m in 45 min.
        Accumulator acc = of(Aggregation.RATE, s("r1", T0, 4.0), s("r2", T0 + 15 * MINUTE, 5.0),
                s("r1", T0 + 30 * MINUTE, 4.5), s("r2", T0 + 30 * MINUTE, 5.1));
        assertThat(result(Aggregation.RATE, acc)).isCloseTo(1.0, within(1e-9));
        assertThat(acc.result(Aggregation.RATE, 0, 0, Direction.LOWER_IS_WORSE)).isCloseTo(0.4, within(1e-9));
        assertThat(result(Aggregation.RATE, of(Aggregation.RATE, s("r1", T0, 4.0)))).isNaN();
    }

    @Test
    void coverageAndAge() {
        // 3 distinct sensors of 4 registered; the newest sample is 50 minutes before the end of the hour
        Accumulator acc = of(Aggregation.COVERAGE, s("a", T0, 1), s("b", T0 + 10 * MINUTE, 1), s("a", T0, 2),
                s("c", T0 + 5 * MINUTE, 1));
        assertThat(result(Aggregation.COVERAGE, acc)).isEqualTo(75);
        assertThat(result(Aggregation.AGE, acc)).isEqualTo(50);
        assertThat(new Accumulator().result(Aggregation.COVERAGE, 0, 0, Direction.LOWER_IS_WORSE)).isNaN();
    }

    @Test
    void aWeightedSampleCountsAsThatManySamplesOfOne() {
        // sensor a twice (newest at 10 min) and b three times: 5 readings, 2 of 4 sensors, 50 min old at the hour
        Sample a = Sample.combined("t.x", "310101", "a", T0 + 10 * MINUTE, 2);
        Sample b = Sample.combined("t.x", "310101", "b", T0 + 5 * MINUTE, 3);
        for (Aggregation aggregation : List.of(Aggregation.COUNT, Aggregation.SUM, Aggregation.MEAN,
                Aggregation.COVERAGE, Aggregation.AGE, Aggregation.P90)) {
            Accumulator acc = of(aggregation, a, b);
            assertThat(acc.count).isEqualTo(5);
            double expected = switch (aggregation) {
                case COUNT, SUM -> 5;
                case COVERAGE -> 50;
                case AGE -> 50;
                default -> 1; // the mean and any percentile of five ones
            };
            assertThat(result(aggregation, acc)).as(aggregation.name()).isEqualTo(expected);
        }
        assertThatThrownBy(() -> Sample.combined("t.x", "310101", "a", T0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sample("t.x", "310101", 2.5, false, "a", T0, false, 2))
                .hasMessageContaining("2 of 2.5");
    }

    @Test
    void aPresenceCountsNothing() {
        Accumulator acc = of(Aggregation.COUNT, Sample.presence("t.x", "310101", T0));
        assertThat(result(Aggregation.COUNT, acc)).isZero();
    }

    @Test
    void mergingPanesEqualsAddingEverySample() {
        List<Sample> samples = List.of(s("r1", T0, 4.0), s("r2", T0 + MINUTE, 5.0), s("r1", T0 + 2 * MINUTE, 4.4),
                s("r3", T0 + 3 * MINUTE, 1.0), s("r2", T0 + 4 * MINUTE, 5.3), s("r3", T0 + 5 * MINUTE, 2.0));
        for (Aggregation aggregation : Aggregation.values()) {
            Accumulator whole = of(aggregation, samples.toArray(Sample[]::new));
            Accumulator first = of(aggregation, samples.subList(0, 3).toArray(Sample[]::new));
            Accumulator second = of(aggregation, samples.subList(3, 6).toArray(Sample[]::new));
            Accumulator merged = new Accumulator();
            merged.merge(second, aggregation);
            merged.merge(first, aggregation);
            assertThat(result(aggregation, merged)).as(aggregation.name())
                    .isCloseTo(result(aggregation, whole), within(1e-9));
        }
    }
}
