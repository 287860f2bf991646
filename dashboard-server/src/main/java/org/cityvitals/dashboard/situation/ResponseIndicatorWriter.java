package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.ResponseIndicators;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.store.query.ResponseTimes;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the operations centre's response-time indicators to {@code indicator_values} once per closed window, like
 * the windowed values of every other indicator: tumbling windows of each indicator's size aligned to the epoch (whole
 * hours for the shipped ones), computed {@link #SETTLE} after they end from the responses in ClickHouse
 * ({@link ResponseIndicatorValues}). Reading them back from ClickHouse rather than from this instance's memory gives
 * every instance the same rows (they fold into one) and lets a restarted instance write the last window again.
 * At the first call the last window closed is written (again); windows closed while no instance ran are not.
 * Used from one event loop; {@link #write} is blocking.
 */
final class ResponseIndicatorWriter {

    /** How long after its end a window is computed: time for every instance's response rows to reach ClickHouse. */
    static final Duration SETTLE = Duration.ofMinutes(1);

    /** One closed window of one size. */
    record ClosedWindow(Duration size, Instant start) {
        Instant end() {
            return start.plus(size);
        }
    }

    private final ResponseIndicators indicators;
    private final ResponseTimes store;
    private final Map<Duration, Instant> nextStart = new HashMap<>();
    private final Deque<ClosedWindow> due = new ArrayDeque<>();

    ResponseIndicatorWriter(ResponseIndicators indicators, ResponseTimes store) {
        this.indicators = indicators;
        this.store = store;
    }

    /** Takes in the windows that closed by {@code now} (less {@link #SETTLE}) since the last call. */
    void collect(Instant now) {
        Instant settled = now.minus(SETTLE);
        for (Duration size : indicators.all().stream().map(d -> d.window().size()).distinct().toList()) {
            Instant next = nextStart.computeIfAbsent(size, s -> floor(settled, s).minus(s));
            while (!next.plus(size).isAfter(settled)) {
                due.add(new ClosedWindow(size, next));
                next = next.plus(size);
            }
            nextStart.put(size, next);
        }
    }

    /** The oldest window not yet written. */
    Optional<ClosedWindow> oldestDue() {
        return Optional.ofNullable(due.peekFirst());
    }

    /** Computes and writes the values of {@code window}. Blocking. */
    List<IndicatorValue> write(ClosedWindow window) throws SQLException {
        List<IndicatorDefinition> ofSize = indicators.all().stream()
                .filter(d -> d.window().size().equals(window.size())).toList();
        List<IndicatorValue> values = ResponseIndicatorValues.of(ofSize, window.start(), window.end(),
                store.actedIn(window.start(), window.end()));
        store.recordIndicators(values);
        return values;
    }

    /** {@code window} was written: the next one is due. */
    void written(ClosedWindow window) {
        due.remove(window);
    }

    private static Instant floor(Instant t, Duration size) {
        long seconds = size.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }
}
