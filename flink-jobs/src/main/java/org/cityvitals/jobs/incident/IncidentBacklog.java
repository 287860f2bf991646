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

import java.time.Instant;

/**
 * The open backlog of one (indicator, district): cases reported or dispatched and not yet resolved, reported at
 * every slide boundary of the indicator's window through event-time timers. When the backlog is empty after a
 * report, the series stops its timers and forgets its state until the next case.
 */
public final class IncidentBacklog extends KeyedProcessFunction<String, BacklogChange, IndicatorValue> {

    private static final long serialVersionUID = 1L;

    private final CatalogueText catalogue;
    private transient MapState<String, Boolean> openCases;
    private transient ValueState<Long> openCount;
    private transient ValueState<Long> nextReport;

    public IncidentBacklog(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void open(OpenContext openContext) {
        openCases = getRuntimeContext().getMapState(new MapStateDescriptor<>("open", String.class, Boolean.class));
        openCount = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        nextReport = getRuntimeContext().getState(new ValueStateDescriptor<>("next", Long.class));
    }

    @Override
    public void processElement(BacklogChange change, Context ctx, Collector<IndicatorValue> out) throws Exception {
        long count = openCount.value() == null ? 0 : openCount.value();
        boolean known = openCases.contains(change.incidentId());
        if (change.open() && !known) {
            openCases.put(change.incidentId(), true);
            count++;
        } else if (!change.open() && known) {
            openCases.remove(change.incidentId());
            count--;
        }
        openCount.update(count);
        if (nextReport.value() == null) {
            long slide = definition(change.indicatorId()).window().slide().toMillis();
            long next = TimeWindow.getWindowStartWithOffset(change.timestamp(), 0, slide) + slide;
            nextReport.update(next);
            ctx.timerService().registerEventTimeTimer(next);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndicatorValue> out) throws Exception {
        String key = ctx.getCurrentKey();
        int bar = key.indexOf('|');
        IndicatorDefinition d = definition(key.substring(0, bar));
        String district = key.substring(bar + 1);
        long count = openCount.value() == null ? 0 : openCount.value();
        out.collect(new IndicatorValue(d.id(), district,
                Instant.ofEpochMilli(timestamp - d.window().size().toMillis()), Instant.ofEpochMilli(timestamp),
                count, count, d.thresholdsFor(district).levelOf(count), 1));
        if (count == 0) {
            openCases.clear();
            openCount.clear();
            nextReport.clear();
        } else {
            long next = timestamp + d.window().slide().toMillis();
            nextReport.update(next);
            ctx.timerService().registerEventTimeTimer(next);
        }
    }

    private IndicatorDefinition definition(String id) {
        return catalogue.get().byId(id).orElseThrow();
    }
}
