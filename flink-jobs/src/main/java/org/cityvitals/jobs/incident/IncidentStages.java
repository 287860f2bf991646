package org.cityvitals.jobs.incident;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentStatus;

import java.time.Duration;

/**
 * Each stage of each case, once: keyed by incident id, it passes the first delivery of a stage (reported,
 * dispatched, resolved) and drops repeats, so a gateway client that resends after a 503 neither doubles the new cases
 * per hour nor leaves a phantom open case behind. It also tells the backlog when a case opens and closes
 * ({@link #BACKLOG}); a resolution of a case whose report it never saw counts towards time to resolve but never
 * enters the backlog, which it would otherwise rewrite backwards. A case is remembered for
 * {@link #REMEMBER_RESOLVED} after its resolution (repeats come within minutes) and at most {@link #REMEMBER_OPEN}
 * after its report.
 */
public final class IncidentStages extends KeyedProcessFunction<String, Incident, Incident> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<CaseSpan> BACKLOG = new OutputTag<>("backlog-spans") { };
    static final Duration REMEMBER_RESOLVED = Duration.ofDays(2);
    static final Duration REMEMBER_OPEN = Duration.ofDays(30);

    private transient ValueState<CaseState> state;
    private transient Counter repeated;

    /** What is known of one case. A POJO for Flink state. */
    public static class CaseState {
        public long reportedAt = Long.MIN_VALUE;
        public boolean dispatched;
        public long resolvedAt = Long.MIN_VALUE;
        public long forgetAt = Long.MIN_VALUE;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("case", CaseState.class));
        repeated = getRuntimeContext().getMetricGroup().counter("incidentStagesRepeated");
    }

    @Override
    public void processElement(Incident incident, Context ctx, Collector<Incident> out) throws Exception {
        CaseState known = state.value() == null ? new CaseState() : state.value();
        boolean first = switch (incident.status()) {
            case REPORTED -> known.reportedAt == Long.MIN_VALUE;
            case DISPATCHED -> !known.dispatched;
            case RESOLVED -> known.resolvedAt == Long.MIN_VALUE;
        };
        if (!first) {
            repeated.inc();
            return;
        }
        boolean reportKnown = known.reportedAt != Long.MIN_VALUE;
        switch (incident.status()) {
            case REPORTED -> known.reportedAt = incident.reportedAt().toEpochMilli();
            case DISPATCHED -> known.dispatched = true;
            case RESOLVED -> known.resolvedAt = incident.resolvedAt().toEpochMilli();
        }
        out.collect(incident);
        if (incident.status() == IncidentStatus.REPORTED) {
            ctx.output(BACKLOG, CaseSpan.of(incident, known.resolvedAt == Long.MIN_VALUE ? CaseSpan.OPEN
                    : known.resolvedAt));
        } else if (incident.status() == IncidentStatus.RESOLVED && reportKnown) {
            ctx.output(BACKLOG, CaseSpan.of(incident, known.resolvedAt));
        }
        long forgetAt = known.resolvedAt != Long.MIN_VALUE
                ? known.resolvedAt + REMEMBER_RESOLVED.toMillis()
                : incident.reportedAt().toEpochMilli() + REMEMBER_OPEN.toMillis();
        if (forgetAt != known.forgetAt) {
            if (known.forgetAt != Long.MIN_VALUE) {
                ctx.timerService().deleteEventTimeTimer(known.forgetAt);
            }
            ctx.timerService().registerEventTimeTimer(forgetAt);
            known.forgetAt = forgetAt;
        }
        state.update(known);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Incident> out) {
        state.clear();
    }
}
