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
 * At the first call the last window closed is written (again), and, when the server resumed after the newest window
 * already written ({@link #resumeAfter}), every window that closed while no instance ran, up to {@link #CATCH_UP}
 * back. Used from one event loop; {@link #write} and {@link #newestWritten} are blocking.
 */
final class ResponseIndicatorWriter {

    /** How long after its end a window is computed: time for every instance's response rows to reach ClickHouse. */
    static final Duration SETTLE = Duration.ofMinutes(1);

    /**
     * How far back a server started after a gap writes the windows that closed while no instance ran: a week of
     * hourly windows is 168 small queries, and what lies further back was not on anyone's screen either.
     */
    static final Duration CATCH_UP = Duration.ofDays(7);

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

    /**
     * The start of the newest window written of each window size before {@code now}, from ClickHouse (a window of an
     * instance whose clock runs ahead does not count). Blocking.
     */
    Map<Duration, Instant> newestWritten(Instant now) throws SQLException {
        Map<Duration, Instant> newest = new HashMap<>();
        for (Duration size : sizes()) {
            List<String> ids = ofSize(size).stream().map(IndicatorDefinition::id).toList();
            store.newestIndicatorWindow(ids, now).ifPresent(start -> newest.put(size, start));
        }
        return newest;
    }

    /**
     * Starts each window size after the newest window written ({@link #newestWritten}, read when the server starts):
     * the first {@link #collect} then also finds the windows that closed while no instance ran, at most
     * {@link #CATCH_UP} back. Call before the first collect.
     */
    void resumeAfter(Map<Duration, Instant> newestWritten, Instant now) {
        Instant settled = now.minus(SETTLE);
        newestWritten.forEach((size, newest) -> {
            Instant earliest = floor(settled.minus(CATCH_UP), size);
            Instant next = newest.plus(size);
            // never later than the last window closed: that one is written again in any case
            nextStart.put(size, min(lastClosed(settled, size), next.isBefore(earliest) ? earliest : next));
        });
    }

    /** Takes in the windows that closed by {@code now} (less {@link #SETTLE}) since the last call. */
    void collect(Instant now) {
        Instant settled = now.minus(SETTLE);
        for (Duration size : sizes()) {
            Instant next = nextStart.computeIfAbsent(size, s -> lastClosed(settled, s));
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
        List<IndicatorValue> values = ResponseIndicatorValues.of(ofSize(window.size()), window.start(), window.end(),
                store.actedIn(window.start(), window.end()));
        store.recordIndicators(values);
        return values;
    }

    /** {@code window} was written: the next one is due. */
    void written(ClosedWindow window) {
        due.remove(window);
    }

    private List<Duration> sizes() {
        return indicators.all().stream().map(d -> d.window().size()).distinct().toList();
    }

    private List<IndicatorDefinition> ofSize(Duration size) {
        return indicators.all().stream().filter(d -> d.window().size().equals(size)).toList();
    }

    /** The start of the last window of {@code size} closed by {@code settled}. */
    private static Instant lastClosed(Instant settled, Duration size) {
        return floor(settled, size).minus(size);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant floor(Instant t, Duration size) {
        long seconds = size.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }
}
