package org.cityvitals.jobs.source;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.DeadLetter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Readings go on, incidents to a side output, and refused records become counted dead letters on another: those that
 * did not decode ({@code schema_violation}) and those placed in a district no city profile knows
 * ({@code unknown_district}), which no series could take.
 */
public final class SplitDecoded extends ProcessFunction<DecodedEvent, Reading> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<Incident> INCIDENTS = new OutputTag<>("incidents") { };
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") { };
    public static final String SOURCE = "flink-jobs";
    static final String SCHEMA_VIOLATION = "schema_violation";
    static final String UNKNOWN_DISTRICT = "unknown_district";

    private transient Counter rejected;

    @Override
    public void open(OpenContext openContext) {
        rejected = getRuntimeContext().getMetricGroup().counter("eventsRejected");
    }

    @Override
    public void processElement(DecodedEvent in, Context ctx, Collector<Reading> out) {
        if (!in.ok()) {
            refuse(ctx, in.topic(), SCHEMA_VIOLATION, in.problems(), in.rawPayload());
            return;
        }
        String district = in.reading() != null ? in.reading().district() : in.incident().district();
        if (!CityProfiles.knows(district) || CityProfiles.isCityCode(district)) {
            refuse(ctx, in.topic(), UNKNOWN_DISTRICT, "district: '" + district + "' is no district of any city profile",
                    new String(in.reading() != null ? EventCodec.toJsonBytes(in.reading())
                            : EventCodec.toJsonBytes(in.incident()), StandardCharsets.UTF_8));
        } else if (in.reading() != null) {
            out.collect(in.reading());
        } else {
            ctx.output(INCIDENTS, in.incident());
        }
    }

    private void refuse(Context ctx, String topic, String reason, String detail, String payload) {
        rejected.inc();
        ctx.output(DEAD_LETTERS, new DeadLetter(SOURCE + ":" + topic, reason, detail, payload, 0,
                Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
    }
}
