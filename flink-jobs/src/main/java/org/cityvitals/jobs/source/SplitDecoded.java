package org.cityvitals.jobs.source;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.DeadLetter;

import java.time.Instant;

/** Passes decoded readings on and turns refused records into counted dead letters on a side output. */
public final class SplitDecoded extends ProcessFunction<DecodedReading, Reading> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") { };
    public static final String SOURCE = "flink:readings";

    private transient Counter rejected;

    @Override
    public void open(OpenContext openContext) {
        rejected = getRuntimeContext().getMetricGroup().counter("readingsRejected");
    }

    @Override
    public void processElement(DecodedReading in, Context ctx, Collector<Reading> out) {
        if (in.ok()) {
            out.collect(in.reading());
        } else {
            rejected.inc();
            ctx.output(DEAD_LETTERS, new DeadLetter(SOURCE, "invalid_reading", in.problems(), in.rawPayload(),
                    Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
        }
    }
}
