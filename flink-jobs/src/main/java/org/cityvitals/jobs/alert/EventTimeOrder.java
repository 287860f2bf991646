package org.cityvitals.jobs.alert;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.TimerService;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.window.InstantReading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A backfill's two alert inputs in event-time order. A series' windows and its single readings reach the alert
 * engine through different channels, so which comes first depends on the machine; a reading judged before or after
 * the window that covers it makes a different episode, and a second run would differ. A backfill therefore holds
 * both until event time passes them, then judges them in event-time order: a reading before the window it falls in,
 * a window before the readings after it, a window's corrections in version order. A live job does not wait: its
 * instant rules are there to be fast.
 */
final class EventTimeOrder {

    /** What judges the released inputs, in order. */
    interface Judge {
        void value(IndicatorValue v) throws Exception;

        void reading(InstantReading r) throws Exception;
    }

    private final ListState<IndicatorValue> values;
    private final ListState<InstantReading> readings;

    EventTimeOrder(RuntimeContext context) {
        values = context.getListState(new ListStateDescriptor<>("pending-values", IndicatorValue.class));
        readings = context.getListState(new ListStateDescriptor<>("pending-readings", InstantReading.class));
    }

    void hold(IndicatorValue v, TimerService timers) throws Exception {
        values.add(v);
        timers.registerEventTimeTimer(lastInstantOf(v));
    }

    void hold(InstantReading r, TimerService timers) throws Exception {
        readings.add(r);
        timers.registerEventTimeTimer(r.timestamp());
    }

    /** Judges, in event-time order, everything held up to {@code time}; keeps the rest. */
    void release(long time, Judge judge) throws Exception {
        List<IndicatorValue> dueValues = new ArrayList<>();
        List<IndicatorValue> laterValues = new ArrayList<>();
        for (IndicatorValue v : values.get()) {
            (lastInstantOf(v) <= time ? dueValues : laterValues).add(v);
        }
        List<InstantReading> dueReadings = new ArrayList<>();
        List<InstantReading> laterReadings = new ArrayList<>();
        for (InstantReading r : readings.get()) {
            (r.timestamp() <= time ? dueReadings : laterReadings).add(r);
        }
        values.update(laterValues);
        readings.update(laterReadings);
        dueValues.sort(Comparator.comparingLong(EventTimeOrder::lastInstantOf)
                .thenComparingLong(IndicatorValue::version));
        dueReadings.sort(Comparator.comparingLong(InstantReading::timestamp));
        int v = 0;
        int r = 0;
        while (v < dueValues.size() || r < dueReadings.size()) {
            if (r < dueReadings.size()
                    && (v == dueValues.size() || dueReadings.get(r).timestamp() <= lastInstantOf(dueValues.get(v)))) {
                judge.reading(dueReadings.get(r++));
            } else {
                judge.value(dueValues.get(v++));
            }
        }
    }

    private static long lastInstantOf(IndicatorValue v) {
        return v.windowEnd().toEpochMilli() - 1;
    }
}
