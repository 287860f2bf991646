package org.cityvitals.jobs.window;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Incremental window aggregation: the window keeps one accumulator, not its elements. */
public final class AccumulateSamples implements AggregateFunction<Sample, SampleAccumulator, SampleAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public SampleAccumulator createAccumulator() {
        return new SampleAccumulator();
    }

    @Override
    public SampleAccumulator add(Sample sample, SampleAccumulator acc) {
        acc.add(sample);
        return acc;
    }

    @Override
    public SampleAccumulator getResult(SampleAccumulator acc) {
        return acc;
    }

    @Override
    public SampleAccumulator merge(SampleAccumulator a, SampleAccumulator b) {
        a.merge(b);
        return a;
    }
}
