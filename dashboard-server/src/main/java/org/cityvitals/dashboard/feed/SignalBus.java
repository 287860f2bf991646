package org.cityvitals.dashboard.feed;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.store.alert.AlertAction;

/**
 * The event-bus addresses on which the feeds publish decoded signals to the live view. Signals travel as the
 * (immutable) records themselves: they never leave this JVM, so encoding them again would be waste.
 */
public final class SignalBus {

    public static final String INDICATORS = "cityvitals.dashboard.indicators";
    public static final String ALERTS = "cityvitals.dashboard.alerts";
    public static final String HEALTH = "cityvitals.dashboard.health";
    /** What people did with alerts: recorded by the REST API or reloaded from ClickHouse on start. */
    public static final String ALERT_ACTIONS = "cityvitals.dashboard.alert-actions";

    private SignalBus() {}

    /** Lets the event bus carry the signal records; call once per Vert.x instance. */
    public static void registerCodecs(Vertx vertx) {
        register(vertx, IndicatorValue.class);
        register(vertx, AlertEvent.class);
        register(vertx, HealthScoreValue.class);
        register(vertx, AlertAction.class);
    }

    private static <T> void register(Vertx vertx, Class<T> type) {
        try {
            vertx.eventBus().registerDefaultCodec(type, new LocalOnly<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // a second dashboard in the same Vert.x (tests, or a restart in the launcher) shares the codecs
        }
    }

    private record LocalOnly<T>(Class<T> type) implements MessageCodec<T, T> {
        @Override
        public void encodeToWire(Buffer buffer, T t) {
            throw new UnsupportedOperationException("signals are published to local consumers only");
        }

        @Override
        public T decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException("signals are published to local consumers only");
        }

        @Override
        public T transform(T t) {
            return t;
        }

        @Override
        public String name() {
            return "cityvitals-local-" + type.getSimpleName();
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
