package org.cityvitals.jobs.incident;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SeriesKey;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.window.VersionedWindows;
import org.cityvitals.jobs.window.CityPart;
import org.cityvitals.jobs.window.PaneWindows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The open backlog of one (indicator, district), reported at every slide boundary B of the indicator's window: the
 * cases reported before B and not resolved by B, 0 when none is open. Each case keeps its report and resolution
 * times, so the count is right in event time whatever order the stages arrive in; a change within the allowed
 * lateness re-reports the boundaries it affects with the next version. Cases resolved longer ago than the lateness
 * are forgotten. The series reports for as long as the stream lives; over a bounded input (a backfill, or the end of
 * any input) up to the first boundary after its last change and no further, so a replay reports the same boundaries
 * however its watermarks advanced.
 */
public final class IncidentBacklog extends VersionedWindows<BacklogChange> {

    private static final long serialVersionUID = 1L;

    private transient MapState<String, Span> cases;
    private transient ValueState<Long> lastChange;
    private transient ValueState<Long> nextBoundary;

    /** When a case was reported and resolved ({@link CaseSpan#OPEN} while open). A POJO for Flink state. */
    public static class Span {
        public long reportedAt;
        public long resolvedAt = CaseSpan.OPEN;
    }

    /** @param bounded true over a bounded input (a backfill): reporting then never outruns the series' data */
    public IncidentBacklog(CatalogueText catalogue, long allowedLatenessMillis, boolean bounded) {
        super(catalogue, allowedLatenessMillis, bounded);
    }

    @Override
    protected void openState() {
        cases = getRuntimeContext().getMapState(new MapStateDescriptor<>("cases", String.class, Span.class));
        lastChange = getRuntimeContext().getState(new ValueStateDescriptor<>("last-change", Long.class));
        nextBoundary = getRuntimeContext().getState(new ValueStateDescriptor<>("next-boundary", Long.class));
    }

    @Override
    protected String indicatorOf(BacklogChange change) {
        return change.indicatorId();
    }

    @Override
    protected void process(BacklogChange change, IndicatorDefinition d, Context ctx, Collector<IndicatorValue> out)
            throws Exception {
        long slide = d.window().slide().toMillis();
        if (!change.presence()) {
            Span span = cases.get(change.incidentId());
            if (span == null) {
                span = new Span();
            }
            span.reportedAt = change.reportedAt();
            span.resolvedAt = Math.min(span.resolvedAt, change.resolvedAt());
            cases.put(change.incidentId(), span);
            correctReportedBoundaries(d, ctx, change.changedAt(), out);
        }
        long changedAt = change.presence() ? change.reportedAt() : change.changedAt();
        if (lastChange.value() == null || changedAt > lastChange.value()) {
            lastChange.update(changedAt);
        }
        long watermark = ctx.timerService().currentWatermark();
        // the series reports from the first boundary after the change that event time has not passed yet (never the
        // finished past), and starts earlier when an earlier change arrives first (changes of one watermark come in
        // any order)
        long wanted = Math.max(boundaryAfter(changedAt, slide), boundaryAfter(watermark + 1, slide));
        Long next = nextBoundary.value();
        if (watermark < Long.MAX_VALUE && (next == null || wanted < next)) {
            if (next != null) {
                ctx.timerService().deleteEventTimeTimer(next - 1);
            }
            nextBoundary.update(wanted);
            ctx.timerService().registerEventTimeTimer(wanted - 1);
        }
    }

    /** A change at {@code changedAt} alters every boundary after it; re-report those already reported. */
    private void correctReportedBoundaries(IndicatorDefinition d, Context ctx, long changedAt,
                                           Collector<IndicatorValue> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        List<Long> affected = new ArrayList<>();
        for (Long boundary : versions.keys()) {
            if (boundary > changedAt && boundary - 1 <= watermark && boundary + allowedLateness > watermark + 1) {
                affected.add(boundary);
            }
        }
        affected.sort(null);
        for (long boundary : affected) {
            report(d, ctx.getCurrentKey(), boundary, ctx, out);
        }
    }

    @Override
    protected void onSeriesTimer(long timestamp, IndicatorDefinition d, OnTimerContext ctx,
                                 Collector<IndicatorValue> out) throws Exception {
        long boundary = timestamp + 1;
        long slide = d.window().slide().toMillis();
        boolean dataBound = dataBound(ctx.timerService());
        long lastDataBoundary = boundaryAfter(lastChange.value(), slide);
        if (dataBound && boundary > lastDataBoundary) {
            clearState(); // nothing more to report over a bounded input
            return;
        }
        report(d, ctx.getCurrentKey(), boundary, ctx, out);
        forgetBefore(boundary - allowedLateness);
        long next = boundary + slide;
        if (dataBound && next > lastDataBoundary) {
            clearState();
            return;
        }
        nextBoundary.update(next);
        ctx.timerService().registerEventTimeTimer(next - 1);
    }

    private void report(IndicatorDefinition d, String key, long boundary, Context ctx,
                        Collector<IndicatorValue> out) throws Exception {
        long open = 0;
        for (Span span : cases.values()) {
            if (span.reportedAt < boundary && span.resolvedAt >= boundary) {
                open++;
            }
        }
        long version = nextVersion(boundary);
        String district = SeriesKey.areaOf(key);
        long windowStart = boundary - d.window().size().toMillis();
        out.collect(valueOf(d, district, windowStart, boundary, open, open, version));
        if (d.city().computed()) {
            ctx.output(PaneWindows.CITY_PARTS, new CityPart(d.id(), CityProfiles.ofArea(district).code(), district,
                    windowStart, boundary, version, open, open, null, 0));
        }
    }

    /** Cases resolved and boundaries reported before {@code horizon} can no longer change what is reported. */
    private void forgetBefore(long horizon) throws Exception {
        List<String> resolved = new ArrayList<>();
        for (Map.Entry<String, Span> e : cases.entries()) {
            if (e.getValue().resolvedAt < horizon) {
                resolved.add(e.getKey());
            }
        }
        for (String id : resolved) {
            cases.remove(id);
        }
        List<Long> old = new ArrayList<>();
        for (Long boundary : versions.keys()) {
            if (boundary <= horizon) {
                old.add(boundary);
            }
        }
        for (Long boundary : old) {
            versions.remove(boundary);
        }
    }

    private static long boundaryAfter(long t, long slide) {
        return Math.floorDiv(t, slide) * slide + slide;
    }

    @Override
    protected boolean holdsState() throws Exception {
        return lastChange.value() != null;
    }

    @Override
    protected void clearState() {
        cases.clear();
        versions.clear();
        lastChange.clear();
        nextBoundary.clear();
    }
}
