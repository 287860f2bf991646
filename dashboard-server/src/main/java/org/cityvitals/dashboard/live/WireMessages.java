package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.store.alert.AlertAction;

import java.time.Instant;
import java.util.List;

/**
 * The JSON text frames the server sends on {@code /ws}, each with a {@code type}: {@code snapshot},
 * {@code indicator}, {@code health}, {@code alert}, {@code alertAction}, {@code flood} and {@code heartbeat}. Signals keep the Kafka field names (SignalCodec).
 */
public final class WireMessages {

    private WireMessages() {}

    record Snapshot(String type, Instant serverTime, String user, List<IndicatorValue> values,
                    List<HealthScoreValue> health, List<AlertEvent> alerts, List<AlertHandling> handling,
                    AlarmFlood.State flood) {}

    record IndicatorMessage(String type, IndicatorValue value) {}

    record HealthMessage(String type, HealthScoreValue health) {}

    record AlertMessage(String type, AlertEvent alert) {}

    /** {@code handling} is the alert's state after the action; null when the alert is not open. */
    record AlertActionMessage(String type, AlertAction action, AlertHandling handling) {}

    record FloodMessage(String type, AlarmFlood.State flood) {}

    record Heartbeat(String type, Instant serverTime) {}

    public static String snapshot(String user, List<IndicatorValue> values, List<HealthScoreValue> health,
                                  List<AlertEvent> alerts, List<AlertHandling> handling, AlarmFlood.State flood) {
        return SignalCodec.toJson(new Snapshot("snapshot", Instant.now(), user, values, health, alerts, handling,
                flood));
    }

    public static Outgoing indicator(IndicatorValue value) {
        return new Outgoing(value.district(), SignalCodec.toJson(new IndicatorMessage("indicator", value)));
    }

    public static Outgoing health(HealthScoreValue health) {
        return new Outgoing(health.district(), SignalCodec.toJson(new HealthMessage("health", health)));
    }

    public static Outgoing alert(AlertEvent alert) {
        return new Outgoing(alert.district(), SignalCodec.toJson(new AlertMessage("alert", alert)));
    }

    public static Outgoing alertAction(AlertAction action, AlertHandling handling) {
        return new Outgoing(action.district(),
                SignalCodec.toJson(new AlertActionMessage("alertAction", action, handling)));
    }

    /** Computed for one session's scope already, hence no district to check. */
    public static Outgoing flood(AlarmFlood.State flood) {
        return new Outgoing(null, SignalCodec.toJson(new FloodMessage("flood", flood)));
    }

    public static Outgoing heartbeat() {
        return new Outgoing(null, SignalCodec.toJson(new Heartbeat("heartbeat", Instant.now())));
    }
}
