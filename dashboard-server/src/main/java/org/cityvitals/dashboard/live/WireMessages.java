package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;

import java.time.Instant;
import java.util.List;

/**
 * The JSON text frames the server sends on {@code /ws}, each with a {@code type}: {@code snapshot},
 * {@code resumed}, {@code indicator}, {@code health}, {@code alert}, {@code alertAction}, {@code flood} and
 * {@code heartbeat}. Snapshot, resumed, alert, alertAction and heartbeat frames carry the {@code cursor} to resume
 * from. Signals keep the Kafka field names (SignalCodec).
 */
final class WireMessages {

    private WireMessages() {}

    /** {@code changed} lists, after a resume point too old to replay, the full story of every alert that changed. */
    record Snapshot(String type, Instant serverTime, String user, UserInfo userInfo, List<IndicatorValue> values,
                    List<HealthScoreValue> health, List<AlertEvent> alerts, List<AlertHandling> handling,
                    AlarmFlood.State flood, List<ChangedAlert> changed) {}

    /** The latest state after a resume; the missed alert-stream frames follow it, then live ones. */
    record Resumed(String type, Instant serverTime, String user, UserInfo userInfo, List<IndicatorValue> values,
                   List<HealthScoreValue> health, AlarmFlood.State flood, int missed) {}

    record UserInfo(String username, String displayName, String role) {}

    record IndicatorMessage(String type, IndicatorValue value) {}

    record HealthMessage(String type, HealthScoreValue health) {}

    record AlertMessage(String type, AlertEvent alert) {}

    /** {@code handling} is the alert's state after the action; null when the alert is not open. */
    record AlertActionMessage(String type, AlertAction action, AlertHandling handling) {}

    record FloodMessage(String type, AlarmFlood.State flood) {}

    record Heartbeat(String type, Instant serverTime) {}

    static Outgoing indicator(IndicatorValue value) {
        return Outgoing.of(value.district(), new IndicatorMessage("indicator", value));
    }

    static Outgoing health(HealthScoreValue health) {
        return Outgoing.of(health.district(), new HealthMessage("health", health));
    }

    /** Computed for one audience already, hence no district to check. */
    static Outgoing flood(AlarmFlood.State flood) {
        return Outgoing.of(null, new FloodMessage("flood", flood));
    }

    static Outgoing heartbeat(Cursor head) {
        return Outgoing.marked(head, new Heartbeat("heartbeat", Instant.now()));
    }
}
