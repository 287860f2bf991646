package org.cityvitals.dashboard.feed;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;

/**
 * The event-bus addresses on which the feeds publish decoded signals to the live view. Signals travel as the
 * (immutable) records themselves: they never leave this JVM, so encoding them again would be waste. Records are
 * published from one consumer thread and arrive in the order published.
 */
public final class SignalBus {

    public static final String INDICATORS = "cityvitals.dashboard.indicators";
    public static final String HEALTH = "cityvitals.dashboard.health";
    /** Alert transitions and actions from Kafka, as {@link Sequenced}: the alert stream clients resume in. */
    public static final String ALERT_STREAM = "cityvitals.dashboard.alert-stream";
    /** {@link StreamStart}: where the replay of the alert stream starts, and when it has caught up. */
    public static final String STREAM_START = "cityvitals.dashboard.stream-start";
    /** Open alerts loaded from ClickHouse on start ({@code AlertEvent}): state, not part of the stream. */
    public static final String STORED_ALERTS = "cityvitals.dashboard.stored-alerts";
    /** Actions on those alerts loaded from ClickHouse on start ({@code AlertAction}). */
    public static final String STORED_ACTIONS = "cityvitals.dashboard.stored-actions";

    /** {@code ScreenState} another verticle pushes to the screens in scope (situations). */
    public static final String SCREEN_STATE = "cityvitals.dashboard.screen-state";

    /** A {@code MaintenanceWindow} declared or ended through this instance's REST API. */
    public static final String MAINTENANCE = "cityvitals.dashboard.maintenance";

    private SignalBus() {}

    /** Lets the event bus carry the signal records; call once per Vert.x instance. */
    public static void registerCodecs(Vertx vertx) {
        register(vertx, IndicatorValue.class);
        register(vertx, AlertEvent.class);
        register(vertx, HealthScoreValue.class);
        register(vertx, AlertAction.class);
        register(vertx, Sequenced.class);
        register(vertx, StreamStart.class);
        register(vertx, org.cityvitals.dashboard.live.ScreenState.class);
        register(vertx, org.cityvitals.store.situation.MaintenanceWindow.class);
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
