package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;

import java.time.Instant;
import java.util.List;

/**
 * The JSON text frames the server sends on {@code /ws}, each with a {@code type}: {@code snapshot},
 * {@code indicator}, {@code alert} and {@code heartbeat}. Signals keep the Kafka field names (SignalCodec).
 */
public final class WireMessages {

    private WireMessages() {}

    record Snapshot(String type, Instant serverTime, String user, List<IndicatorValue> values,
                    List<AlertEvent> alerts) {}

    record IndicatorMessage(String type, IndicatorValue value) {}

    record AlertMessage(String type, AlertEvent alert) {}

    record Heartbeat(String type, Instant serverTime) {}

    public static String snapshot(String user, List<IndicatorValue> values, List<AlertEvent> alerts) {
        return SignalCodec.toJson(new Snapshot("snapshot", Instant.now(), user, values, alerts));
    }

    public static Outgoing indicator(IndicatorValue value) {
        return new Outgoing(value.district(), SignalCodec.toJson(new IndicatorMessage("indicator", value)));
    }

    public static Outgoing alert(AlertEvent alert) {
        return new Outgoing(alert.district(), SignalCodec.toJson(new AlertMessage("alert", alert)));
    }

    public static Outgoing heartbeat() {
        return new Outgoing(null, SignalCodec.toJson(new Heartbeat("heartbeat", Instant.now())));
    }
}
