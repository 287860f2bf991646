package org.cityvitals.jobs.incident;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.window.Sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The open backlog of one (indicator, district), reported at every slide boundary T of the indicator's window: the
 * cases reported before T and not resolved by T. Each case keeps its report and resolution times, so the count is
 * right in event time even when a resolution is processed before the watermark reaches an earlier boundary. Cases
 * resolved before a boundary are forgotten there; once none is left the series stops its timer and its state.
 * At the end of a bounded input it reports up to the first boundary after the last change, not beyond, so a replay
 * reports the same boundaries however its watermarks happened to advance.
 */
public final class IncidentBacklog extends KeyedProcessFunction<String, BacklogChange, IndicatorValue> {

    private static final long serialVersionUID = 1L;

    private final CatalogueText catalogue;
    private transient MapState<String, CaseSpan> cases;
    private transient ValueState<Long> nextReport;
    private transient ValueState<Long> lastChange;

    public IncidentBacklog(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void open(OpenContext openContext) {
        cases = getRuntimeContext().getMapState(new MapStateDescriptor<>("cases", String.class, CaseSpan.class));
        nextReport = getRuntimeContext().getState(new ValueStateDescriptor<>("next", Long.class));
        lastChange = getRuntimeContext().getState(new ValueStateDescriptor<>("last", Long.class));
    }

    @Override
    public void processElement(BacklogChange change, Context ctx, Collector<IndicatorValue> out) throws Exception {
        CaseSpan span = cases.get(change.incidentId());
        if (span == null) {
            span = new CaseSpan();
        }
        span.reportedAt = change.reportedAt();
        span.resolvedAt = Math.min(span.resolvedAt, change.resolvedAt());
        cases.put(change.incidentId(), span);
        long changedAt = span.resolvedAt == BacklogChange.OPEN ? span.reportedAt : span.resolvedAt;
        if (lastChange.value() == null || changedAt > lastChange.value()) {
            lastChange.update(changedAt);
        }
        if (nextReport.value() == null) {
            long slide = definition(change.indicatorId()).window().slide().toMillis();
            long next = TimeWindow.getWindowStartWithOffset(change.reportedAt(), 0, slide) + slide;
            nextReport.update(next);
            ctx.timerService().registerEventTimeTimer(next);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndicatorValue> out) throws Exception {
        IndicatorDefinition d = definition(Sample.indicatorOf(ctx.getCurrentKey()));
        String district = Sample.districtOf(ctx.getCurrentKey());
        long slide = d.window().slide().toMillis();
        // At the end of a bounded input, report up to the first boundary after the last change and no further:
        // going on would run time forward forever on cases this input never resolves.
        boolean inputEnded = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        long lastBoundary = Math.floorDiv(lastChange.value(), slide) * slide + slide;
        if (inputEnded && timestamp > lastBoundary) {
            forget();
            return;
        }
        long open = 0;
        List<String> closed = new ArrayList<>();
        for (Map.Entry<String, CaseSpan> e : cases.entries()) {
            if (e.getValue().openAt(timestamp)) {
                open++;
            } else if (e.getValue().resolvedAt < timestamp) {
                closed.add(e.getKey());
            }
        }
        for (String id : closed) {
            cases.remove(id);
        }
        out.collect(new IndicatorValue(d.id(), district,
                Instant.ofEpochMilli(timestamp - d.window().size().toMillis()), Instant.ofEpochMilli(timestamp),
                open, open, d.thresholdsFor(district).levelOf(open), 1));
        long next = timestamp + slide;
        if (cases.isEmpty() || (inputEnded && next > lastBoundary)) {
            forget();
        } else {
            nextReport.update(next);
            ctx.timerService().registerEventTimeTimer(next);
        }
    }

    /** Nothing open, or nothing more to report: the series stops its timer and its state. */
    private void forget() {
        cases.clear();
        nextReport.clear();
        lastChange.clear();
    }

    private IndicatorDefinition definition(String id) {
        return catalogue.get().byId(id).orElseThrow();
    }
}
