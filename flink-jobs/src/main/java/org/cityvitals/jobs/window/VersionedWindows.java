package org.cityvitals.jobs.window;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SeriesKey;
import org.cityvitals.jobs.CatalogueText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * A keyed function that reports one series (indicator, district) window by window as versioned indicator values: a
 * window's first value is version 1 and each correction within the allowed lateness the next. {@link PaneWindows}
 * (sensor samples) and {@code IncidentBacklog} (open cases) are the two; both keep the versions in the state
 * {@code versions}, window end → version last emitted.
 *
 * <p>Every element and timer first finds its indicator in the catalogue. A series whose indicator has left it (a
 * restore after a catalogue change) drops its state here, with one log line, and goes no further.
 */
public abstract class VersionedWindows<I> extends KeyedProcessFunction<String, I, IndicatorValue> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(VersionedWindows.class);

    protected final CatalogueText catalogue;
    protected final long allowedLateness;
    /** True over a bounded input (a backfill): the series then never reports beyond its data. */
    protected final boolean bounded;
    protected transient MapState<Long, Long> versions;

    protected VersionedWindows(CatalogueText catalogue, long allowedLatenessMillis, boolean bounded) {
        this.catalogue = catalogue;
        this.allowedLateness = allowedLatenessMillis;
        this.bounded = bounded;
    }

    @Override
    public final void open(OpenContext openContext) throws Exception {
        versions = getRuntimeContext().getMapState(new MapStateDescriptor<>("versions", Long.class, Long.class));
        openState();
    }

    /** Opens the state of the subclass's own, beside {@code versions}. */
    protected abstract void openState() throws Exception;

    @Override
    public final void processElement(I element, Context ctx, Collector<IndicatorValue> out) throws Exception {
        IndicatorDefinition d = inCatalogue(indicatorOf(element), ctx.getCurrentKey());
        if (d != null) {
            process(element, d, ctx, out);
        }
    }

    @Override
    public final void onTimer(long timestamp, OnTimerContext ctx, Collector<IndicatorValue> out) throws Exception {
        IndicatorDefinition d = inCatalogue(SeriesKey.indicatorOf(ctx.getCurrentKey()), ctx.getCurrentKey());
        if (d != null) {
            onSeriesTimer(timestamp, d, ctx, out);
        }
    }

    /** The indicator {@code element} is a sample or a change of. */
    protected abstract String indicatorOf(I element);

    /** Takes in one element of the series of {@code d}. */
    protected abstract void process(I element, IndicatorDefinition d, Context ctx, Collector<IndicatorValue> out)
            throws Exception;

    /** Handles the series' timer at {@code timestamp}. */
    protected abstract void onSeriesTimer(long timestamp, IndicatorDefinition d, OnTimerContext ctx,
                                          Collector<IndicatorValue> out) throws Exception;

    /** Whether the series holds anything (a retired series logs only when it does). */
    protected abstract boolean holdsState() throws Exception;

    /** Drops every state of the series, {@code versions} included. */
    protected abstract void clearState();

    /**
     * True when the series must not report beyond its own data: over a bounded input, or once any input has ended
     * (the watermark at its maximum), so that a replay reports the same windows however its watermarks advanced.
     */
    protected final boolean dataBound(TimerService timers) {
        return bounded || timers.currentWatermark() == Long.MAX_VALUE;
    }

    private IndicatorDefinition inCatalogue(String indicatorId, String key) throws Exception {
        IndicatorDefinition d = catalogue.get().byId(indicatorId).orElse(null);
        if (d == null) {
            if (holdsState()) {
                LOG.info("series {} is no longer in the catalogue: its {} state is dropped", key,
                        getClass().getSimpleName());
            }
            clearState();
        }
        return d;
    }

    /** Records and returns the next version of the window ending at {@code end}. */
    protected final long nextVersion(long end) throws Exception {
        Long previous = versions.get(end);
        long version = previous == null ? 1 : previous + 1;
        versions.put(end, version);
        return version;
    }

    /** The window's value at the level {@code d}'s thresholds give it in {@code district} (normal without any). */
    protected static IndicatorValue valueOf(IndicatorDefinition d, String district, long start, long end, double value,
                                            long samples, long version) {
        Thresholds thresholds = d.thresholdsFor(district, false);
        Level level = thresholds == null ? Level.NORMAL : thresholds.levelOf(value);
        return new IndicatorValue(d.id(), district, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), value,
                samples, level, version);
    }
}
