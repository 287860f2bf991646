package org.cityvitals.jobs.window;

import org.cityvitals.indicators.catalogue.Aggregation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SampleAccumulatorTest {

    /** Values 10, 40, 20, 30 from sensors a, b, a, c at minutes 0..3; the within-range flag is set for 10 and 20. */
    private static SampleAccumulator accumulate(Aggregation aggregation) {
        SampleAccumulator acc = new SampleAccumulator();
        double[] values = {10, 40, 20, 30};
        String[] sensors = {"a", "b", "a", "c"};
        for (int i = 0; i < values.length; i++) {
            acc.add(new Sample("x", "d", aggregation, values[i], values[i] <= 20, sensors[i], i * 60_000L));
        }
        return acc;
    }

    @ParameterizedTest
    @CsvSource({"MEAN,25", "MIN,10", "MAX,40", "SUM,100", "COUNT,4", "RATIO,50", "P50,20", "P90,40", "P95,40",
            "DISTINCT,3", "RATE,400"})
    void everyAggregationOfTheCatalogue(Aggregation aggregation, double expected) {
        // RATE: from 10 at minute 0 to 30 at minute 3 is +20 in 3 minutes = +400 per hour.
        assertThat(accumulate(aggregation).result()).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"MEAN", "P95", "DISTINCT", "RATE", "RATIO"})
    void mergingTwoHalvesEqualsAccumulatingTheWhole(Aggregation aggregation) {
        SampleAccumulator whole = accumulate(aggregation);
        SampleAccumulator first = new SampleAccumulator();
        SampleAccumulator second = new SampleAccumulator();
        first.add(new Sample("x", "d", aggregation, 10, true, "a", 0));
        first.add(new Sample("x", "d", aggregation, 40, false, "b", 60_000));
        second.add(new Sample("x", "d", aggregation, 20, true, "a", 120_000));
        second.add(new Sample("x", "d", aggregation, 30, false, "c", 180_000));
        second.merge(first);
        assertThat(second.result()).isEqualTo(whole.result());
    }
}
