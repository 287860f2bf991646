package org.cityvitals.jobs.quality;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.Origin;

import java.time.Duration;
import java.time.Instant;

/**
 * A whole feed that stops, detected in processing time: when every reading of a sensor network in a city stops, every
 * partition turns idle, the watermark stands still and no event-time timer can fire, so a per-series no-data alert
 * never would. Keyed by (city, network), this raises a "feed stalled" platform alarm once no heartbeat arrived for
 * {@code stallAfter} of wall-clock time, and resolves it when data returns. The alarm is a platform alarm about the
 * data-quality indicator {@code dq.<network>.freshness} of the city; it depends on wall-clock time, so it is not part
 * of what replays and drills compare. A backfill job has no stall detector: a city fed only by a finished replay is
 * not stalled.
 */
public final class FeedStallDetector extends KeyedProcessFunction<String, FeedHeartbeat, AlertEvent> {

    private static final long serialVersionUID = 1L;
    public static final String RULE = "feed_stalled";

    private final long stallAfter;
    private transient ValueState<Stall> state;

    /** The newest heartbeat, the pending check and the open alarm. A POJO for Flink state. */
    public static class Stall {
        public String city;
        public String network;
        public long lastSeen;
        public long checkAt = Long.MIN_VALUE;
        public String alarmId;
        public long alarmSince;
        public int version;
    }

    public FeedStallDetector(Duration stallAfter) {
        this.stallAfter = stallAfter.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("stall", Stall.class));
    }

    @Override
    public void processElement(FeedHeartbeat beat, Context ctx, Collector<AlertEvent> out) throws Exception {
        Stall stall = state.value() == null ? new Stall() : state.value();
        stall.city = beat.city();
        stall.network = beat.network();
        stall.lastSeen = Math.max(stall.lastSeen, beat.seenAt());
        if (stall.alarmId != null) {
            out.collect(transition(stall, AlertKind.RESOLVED, Level.NORMAL, Level.BLUE, beat.seenAt()));
            stall.alarmId = null;
        }
        if (stall.checkAt == Long.MIN_VALUE) {
            stall.checkAt = stall.lastSeen + stallAfter;
            ctx.timerService().registerProcessingTimeTimer(stall.checkAt);
        }
        state.update(stall);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
        Stall stall = state.value();
        if (stall == null) {
            return;
        }
        if (timestamp - stall.lastSeen < stallAfter) {
            stall.checkAt = stall.lastSeen + stallAfter; // data came since: check again when it could next stall
            ctx.timerService().registerProcessingTimeTimer(stall.checkAt);
        } else {
            stall.checkAt = Long.MIN_VALUE; // the next heartbeat resolves the alarm and sets the next check
            if (stall.alarmId == null) {
                stall.alarmSince = stall.lastSeen;
                stall.alarmId = RULE + ":" + indicator(stall) + ":" + stall.city + ":"
                        + Instant.ofEpochMilli(timestamp).getEpochSecond();
                stall.version = 0;
                out.collect(transition(stall, AlertKind.OPENED, Level.BLUE, Level.NORMAL, timestamp));
            }
        }
        state.update(stall);
    }

    private static String indicator(Stall stall) {
        return "dq." + stall.network + ".freshness";
    }

    private AlertEvent transition(Stall stall, AlertKind kind, Level to, Level from, long at) {
        stall.version++;
        double silentMinutes = (at - stall.lastSeen) / 60_000.0;
        String message = "no " + stall.network + " readings from " + stall.city + " for "
                + Math.round(silentMinutes) + " min" + (kind == AlertKind.RESOLVED ? ": data again" : "");
        return new AlertEvent(stall.alarmId, stall.version, RULE, indicator(stall), stall.city, kind, to, from,
                silentMinutes, stallAfter / 60_000.0, Instant.ofEpochMilli(stall.alarmSince), Instant.ofEpochMilli(at),
                AlertAudience.PLATFORM, Origin.LIVE, message);
    }
}
