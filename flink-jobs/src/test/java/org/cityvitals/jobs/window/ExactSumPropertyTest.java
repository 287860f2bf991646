package org.cityvitals.jobs.window;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.cityvitals.indicators.catalogue.Aggregation;
import org.cityvitals.indicators.level.Direction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact sum against arithmetic it does not use: {@link BigDecimal} adds the terms without rounding and
 * {@link Double#parseDouble} rounds the decimal result once, to the nearest double as the JDK specifies. Equal bits
 * for every order of the terms and every way of splitting them into merged parts (panes, districts) follow.
 */
class ExactSumPropertyTest {

    @Property(tries = 500)
    void theSumIsTheExactSumRoundedOnce(@ForAll("terms") List<Double> terms) {
        ExactSum sum = new ExactSum();
        terms.forEach(sum::add);
        assertThat(sum.value()).isEqualTo(exactlyRounded(terms));
    }

    @Property(tries = 300)
    void neitherTheOrderNorTheSplitIntoPartsChangesTheBits(@ForAll("terms") List<Double> terms,
                                                           @ForAll long seed) {
        ExactSum inOrder = new ExactSum();
        terms.forEach(inOrder::add);

        List<Double> shuffled = new ArrayList<>(terms);
        Random random = new Random(seed);
        Collections.shuffle(shuffled, random);
        ExactSum merged = new ExactSum();
        ExactSum part = new ExactSum();
        for (double term : shuffled) {
            part.add(term);
            if (random.nextInt(4) == 0) {
                merged.addAll(part);
                part = new ExactSum();
            }
        }
        merged.addAll(part);

        assertThat(Double.doubleToRawLongBits(merged.value())).isEqualTo(Double.doubleToRawLongBits(inOrder.value()));
    }

    /** The Beijing sample's kind of values: one decimal, where a running double sum depends on the order. */
    @Example
    void oneDecimalReadingsSumTheSameForwardsAndBackwards() {
        double[] temperatures = {-7.3, 6.9, 5.3, -4.9, -0.1, -1.0};
        double forwards = 0;
        double backwards = 0;
        ExactSum sumForwards = new ExactSum();
        ExactSum sumBackwards = new ExactSum();
        for (int i = 0; i < temperatures.length; i++) {
            forwards += temperatures[i];
            backwards += temperatures[temperatures.length - 1 - i];
            sumForwards.add(temperatures[i]);
            sumBackwards.add(temperatures[temperatures.length - 1 - i]);
        }
        // forwards -1.1, backwards -1.0999999999999996 (as any IEEE 754 double arithmetic computes them)
        assertThat(forwards).as("the running sum this replaces").isNotEqualTo(backwards);
        assertThat(sumForwards.value()).isEqualTo(sumBackwards.value()).isEqualTo(exactlyRounded(
                List.of(-7.3, 6.9, 5.3, -4.9, -0.1, -1.0)));
    }

    @Example
    void aWindowMeanDoesNotDependOnWhichPaneCameFirst() {
        double[] pane1 = {0.1, 0.7, -0.3};
        double[] pane2 = {1e16, 1.0, -1e16, 0.2};
        Accumulator first = new Accumulator();
        Accumulator second = new Accumulator();
        for (double v : pane1) {
            first.add(Sample.of("t.x", "110101", v, true, "s", 0), Aggregation.MEAN);
        }
        for (double v : pane2) {
            second.add(Sample.of("t.x", "110101", v, true, "s", 0), Aggregation.MEAN);
        }
        Accumulator a = new Accumulator();
        Accumulator b = new Accumulator();
        a.merge(first, Aggregation.MEAN);
        a.merge(second, Aggregation.MEAN);
        b.merge(second, Aggregation.MEAN);
        b.merge(first, Aggregation.MEAN);
        // exactly 0.1 + 0.7 - 0.3 + 1 + 0.2 (as the doubles nearest those decimals) over 7 samples
        double expected = exactlyRounded(List.of(0.1, 0.7, -0.3, 1e16, 1.0, -1e16, 0.2)) / 7;
        assertThat(a.result(Aggregation.MEAN, 0, 0, Direction.HIGHER_IS_WORSE)).isEqualTo(expected)
                .isEqualTo(b.result(Aggregation.MEAN, 0, 0, Direction.HIGHER_IS_WORSE));
    }

    /** Readings-like magnitudes mixed with terms that cancel each other, where rounding order matters most. */
    @Provide
    Arbitrary<List<Double>> terms() {
        Arbitrary<Double> reading = Arbitraries.integers().between(-100_000, 100_000).map(i -> i / 10.0);
        Arbitrary<Double> any = Arbitraries.doubles().between(-1e12, 1e12);
        Arbitrary<Double> huge = Arbitraries.of(1e16, -1e16, 3e15, -3e15);
        Arbitrary<Double> tiny = Arbitraries.doubles().between(-1e-9, 1e-9).ofScale(15);
        // + 0.0: a reading of -0.0 is 0, and the decimal oracle has no negative zero
        return Arbitraries.frequencyOf(Tuple.of(6, reading), Tuple.of(3, any), Tuple.of(1, huge), Tuple.of(1, tiny))
                .map(term -> term + 0.0).list().ofMaxSize(60);
    }

    private static double exactlyRounded(List<Double> terms) {
        BigDecimal exact = BigDecimal.ZERO;
        for (double term : terms) {
            exact = exact.add(new BigDecimal(term));
        }
        return Double.parseDouble(exact.toString());
    }
}
