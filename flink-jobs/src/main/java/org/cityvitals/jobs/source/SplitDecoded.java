package org.cityvitals.jobs.source;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.DeadLetter;

import java.time.Instant;

/**
 * Readings go on, incidents to a side output, and refused records become counted dead letters on another.
 */
public final class SplitDecoded extends ProcessFunction<DecodedEvent, Reading> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<Incident> INCIDENTS = new OutputTag<>("incidents") { };
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") { };
    public static final String SOURCE = "flink-jobs";

    private transient Counter rejected;

    @Override
    public void open(OpenContext openContext) {
        rejected = getRuntimeContext().getMetricGroup().counter("eventsRejected");
    }

    @Override
    public void processElement(DecodedEvent in, Context ctx, Collector<Reading> out) {
        if (in.reading() != null) {
            out.collect(in.reading());
        } else if (in.incident() != null) {
            ctx.output(INCIDENTS, in.incident());
        } else {
            rejected.inc();
            String reason = Topics.INCIDENTS.equals(in.topic()) ? "invalid_incident" : "invalid_reading";
            ctx.output(DEAD_LETTERS, new DeadLetter(SOURCE + ":" + in.topic(), reason, in.problems(),
                    in.rawPayload(), 0, Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
        }
    }
}
