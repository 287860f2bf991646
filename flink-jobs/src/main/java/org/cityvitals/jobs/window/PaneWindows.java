package org.cityvitals.jobs.window;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.cityvitals.indicators.catalogue.CityAggregation;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.WhenSilent;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SeriesKey;
import org.cityvitals.jobs.CatalogueText;


/**
 * The windows of one district series (indicator, district), sliding or tumbling as its catalogue entry says, kept as
 * panes of one slide each: a sample is added to exactly one pane, and a window is the merge of the panes it covers,
 * so a 12-hour window sliding by 10 minutes holds each sample once instead of 72 times (Flink's sliding windows keep
 * one accumulator per window).
 *
 * <p>A window is emitted when the watermark passes its end. A sample that arrives later but within the allowed
 * lateness updates its pane and re-emits every window already emitted that covers it, each with the next version;
 * a sample too late for all of them goes to {@link #TOO_LATE}. A count series whose catalogue entry reads silence as
 * zero goes on emitting 0 for windows without samples once it exists, for as long as the stream lives; over a bounded
 * input (a backfill, or the end of any input) only up to its own last sample's windows, so that a replay emits the
 * same windows however its watermarks happened to advance. Each emitted window of a series whose city value
 * is computed also goes to {@link #CITY_PARTS} for the city's rollup. Panes and versions are dropped once no window
 * they belong to can be corrected.
 */
public final class PaneWindows extends VersionedWindows<Sample> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<Sample> TOO_LATE = new OutputTag<>("too-late-samples") { };
    public static final OutputTag<CityPart> CITY_PARTS = new OutputTag<>("city-parts") { };

    private transient MapState<Long, Accumulator> panes;
    private transient ValueState<Long> newestPane;
    private transient SensorCounts sensorCounts;

    /** @param bounded true over a bounded input (a backfill): zero-filling then never outruns the series' data */
    public PaneWindows(CatalogueText catalogue, long allowedLatenessMillis, boolean bounded) {
        super(catalogue, allowedLatenessMillis, bounded);
    }

    @Override
    protected void openState() {
        panes = getRuntimeContext().getMapState(new MapStateDescriptor<>("panes", Long.class, Accumulator.class));
        newestPane = getRuntimeContext().getState(new ValueStateDescriptor<>("newest-pane", Long.class));
        sensorCounts = SensorCounts.shipped();
    }

    @Override
    protected String indicatorOf(Sample sample) {
        return sample.indicatorId();
    }

    @Override
    protected void process(Sample sample, IndicatorDefinition d, Context ctx, Collector<IndicatorValue> out)
            throws Exception {
        long size = d.window().size().toMillis();
        long slide = d.window().slide().toMillis();
        long watermark = ctx.timerService().currentWatermark();
        long pane = Math.floorDiv(sample.timestamp(), slide) * slide;
        if (pane + size + allowedLateness <= watermark + 1) {
            ctx.output(TOO_LATE, sample);
            return;
        }
        Accumulator acc = panes.get(pane);
        boolean newPane = acc == null;
        if (newPane) {
            acc = new Accumulator();
        }
        acc.add(sample, d.aggregation());
        panes.put(pane, acc);
        if (newestPane.value() == null || pane > newestPane.value()) {
            newestPane.update(pane);
        }
        for (long end = pane + slide; end <= pane + size; end += slide) {
            if (end - 1 <= watermark) {
                if (end + allowedLateness > watermark + 1) {
                    emit(d, ctx.getCurrentKey(), end, ctx, out); // a correction of a window already emitted
                }
            } else if (newPane) {
                ctx.timerService().registerEventTimeTimer(end - 1);
            }
        }
        if (newPane) {
            ctx.timerService().registerEventTimeTimer(pane + size + allowedLateness - 1);
        }
    }

    @Override
    protected void onSeriesTimer(long timestamp, IndicatorDefinition d, OnTimerContext ctx,
                                 Collector<IndicatorValue> out) throws Exception {
        long size = d.window().size().toMillis();
        long slide = d.window().slide().toMillis();
        long end = timestamp + 1;
        boolean windowEnd = end % slide == 0;
        boolean hasData = windowEnd && coversAnyPane(end, size, slide);
        boolean zeroSeries = windowEnd && d.whenSilent() == WhenSilent.ZERO && newestPane.value() != null;
        boolean dataBound = dataBound(ctx.timerService());
        long lastDataWindow = zeroSeries ? newestPane.value() + size : Long.MIN_VALUE;
        if (hasData || zeroSeries && !versions.contains(end) && (!dataBound || end <= lastDataWindow)) {
            emit(d, ctx.getCurrentKey(), end, ctx, out);
        }
        dropExpired(end, size);
        if (zeroSeries && (!dataBound || end + slide <= lastDataWindow)) {
            ctx.timerService().registerEventTimeTimer(end + slide - 1);
        } else if (zeroSeries && ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            clearState(); // the input has ended and this series has reported its last window
        }
    }

    /**
     * Whether any pane of the window ending at {@code end} holds samples. Panes are looked up by their start here and
     * in {@link #emit}, never searched: a backfill's watermark may trail its data by hours, and timers that searched
     * every held pane cost time in the square of that backlog.
     */
    private boolean coversAnyPane(long end, long size, long slide) throws Exception {
        for (long pane = end - size; pane < end; pane += slide) {
            if (panes.contains(pane)) {
                return true;
            }
        }
        return false;
    }

    /** Emits the window ending at {@code end} with the next version, and its share of the city value. */
    private void emit(IndicatorDefinition d, String key, long end, Context ctx, Collector<IndicatorValue> out)
            throws Exception {
        long size = d.window().size().toMillis();
        Accumulator window = new Accumulator();
        for (long start = end - size; start < end; start += d.window().slide().toMillis()) {
            Accumulator pane = panes.get(start);
            if (pane != null) {
                window.merge(pane, d.aggregation());
            }
        }
        String district = SeriesKey.areaOf(key);
        int registered = d.source().isQuality() ? sensorCounts.registered(district, d.source().network()) : 0;
        double value = Values.of(d, window, end, registered);
        if (Double.isNaN(value)) {
            return; // nothing to measure in this window (no sensor with two readings, no registered sensor)
        }
        long version = nextVersion(end);
        out.collect(valueOf(d, district, end - size, end, value, window.count, version));
        if (d.city().computed()) {
            boolean pooled = d.city().aggregation() == CityAggregation.POOLED;
            ctx.output(CITY_PARTS, new CityPart(d.id(), CityProfiles.ofArea(district).code(), district, end - size,
                    end, version, value, window.count, pooled ? window : null, registered));
        }
    }

    /**
     * The pane and versions no window can correct any more: every window holding them is past the lateness. Each
     * pane has a timer at exactly that point, so this removes the one pane it marks; versions exist only for the
     * few windows emitted within the lateness and are searched.
     */
    private void dropExpired(long now, long size) throws Exception {
        panes.remove(now - size - allowedLateness);
        ExpiringKeys.remove(versions, allowedLateness, now);
        if (panes.isEmpty() && versions.isEmpty()) {
            newestPane.clear();
        }
    }

    @Override
    protected boolean holdsState() throws Exception {
        return !panes.isEmpty() || !versions.isEmpty() || newestPane.value() != null;
    }

    @Override
    protected void clearState() {
        panes.clear();
        versions.clear();
        newestPane.clear();
    }
}
