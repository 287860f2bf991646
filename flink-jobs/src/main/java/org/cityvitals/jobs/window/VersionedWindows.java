package org.cityvitals.jobs.window;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;

import java.time.Instant;

/**
 * A keyed function that reports one series (indicator, district) window by window as versioned indicator values: a
 * window's first value is version 1 and each correction within the allowed lateness the next. {@link PaneWindows}
 * (sensor samples) and {@code IncidentBacklog} (open cases) are the two; both keep the versions in the state
 * {@code versions}, window end → version last emitted.
 */
public abstract class VersionedWindows<I> extends KeyedProcessFunction<String, I, IndicatorValue> {

    private static final long serialVersionUID = 1L;

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
