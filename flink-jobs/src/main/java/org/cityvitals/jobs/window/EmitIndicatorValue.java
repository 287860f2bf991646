package org.cityvitals.jobs.window;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IncidentMeasure;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns a window's accumulator into an {@link IndicatorValue} with its level. Each firing of the same window (the
 * first on time, later ones for late events within the allowed lateness) gets the next version, so the corrected
 * value replaces the first one downstream. The firing count lives in per-window state, restored from checkpoints,
 * which keeps versions identical between a clean run and a run restarted after a failure.
 */
public final class EmitIndicatorValue
        extends ProcessWindowFunction<SampleAccumulator, IndicatorValue, String, TimeWindow> {

    private static final long serialVersionUID = 1L;
    private static final ValueStateDescriptor<Long> FIRINGS = new ValueStateDescriptor<>("firings", Long.class);

    private final CatalogueText catalogue;

    public EmitIndicatorValue(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void process(String seriesKey, Context ctx, Iterable<SampleAccumulator> accumulators,
                        Collector<IndicatorValue> out) throws Exception {
        SampleAccumulator acc = accumulators.iterator().next();
        String indicatorId = Sample.indicatorOf(seriesKey);
        String district = Sample.districtOf(seriesKey);
        IndicatorDefinition definition = catalogue.get().byId(indicatorId).orElseThrow();

        ValueState<Long> firings = ctx.windowState().getState(FIRINGS);
        long version = firings.value() == null ? 1 : firings.value() + 1;
        firings.update(version);

        double value = perHourWhereAsked(definition, acc.result());
        Level level = definition.thresholdsFor(district).levelOf(value);
        TimeWindow w = ctx.window();
        out.collect(new IndicatorValue(indicatorId, district, Instant.ofEpochMilli(w.getStart()),
                Instant.ofEpochMilli(w.getEnd()), value, acc.count, level, version));
    }

    /** New cases per hour are counted over the window and scaled to one hour, whatever the window size. */
    private static double perHourWhereAsked(IndicatorDefinition d, double value) {
        boolean perHour = d.source().isIncidents() && d.source().measure() == IncidentMeasure.NEW_PER_HOUR;
        return perHour ? value * Duration.ofHours(1).toMillis() / d.window().size().toMillis() : value;
    }

    @Override
    public void clear(Context ctx) {
        ctx.windowState().getState(FIRINGS).clear();
    }
}
