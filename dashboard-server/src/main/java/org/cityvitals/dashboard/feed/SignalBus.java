package org.cityvitals.dashboard.feed;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;

/**
 * The event-bus addresses on which the feeds publish decoded signals to the live view. Signals travel as the
 * (immutable) records themselves: they never leave this JVM, so encoding them again would be waste.
 */
public final class SignalBus {

    public static final String INDICATORS = "cityvitals.dashboard.indicators";
    public static final String ALERTS = "cityvitals.dashboard.alerts";

    private SignalBus() {}

    /** Lets the event bus carry the signal records; call once per Vert.x instance. */
    public static void registerCodecs(Vertx vertx) {
        register(vertx, IndicatorValue.class);
        register(vertx, AlertEvent.class);
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
