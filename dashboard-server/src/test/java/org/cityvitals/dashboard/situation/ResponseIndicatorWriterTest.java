package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.ResponseIndicators;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which hourly windows are due when: each once, a minute after it ends, oldest first; after a gap, those that closed
 * while no instance ran, up to a week back.
 */
class ResponseIndicatorWriterTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aWindowIsDueAMinuteAfterItsEndAndOnlyOnce() {
        ResponseIndicatorWriter writer = writer();
        // first call at 10:30: the last window closed, 09:00-10:00, is written (again)
        writer.collect(Instant.parse("2024-11-20T10:30:00Z"));
        ResponseIndicatorWriter.ClosedWindow first = writer.oldestDue().orElseThrow();
        assertThat(first).isEqualTo(new ResponseIndicatorWriter.ClosedWindow(HOUR,
                Instant.parse("2024-11-20T09:00:00Z")));
        writer.written(first);
        assertThat(writer.oldestDue()).isEmpty();
        // 10:00-11:00 is not due at 11:00:59, due at 11:01
        writer.collect(Instant.parse("2024-11-20T11:00:59Z"));
        assertThat(writer.oldestDue()).isEmpty();
        writer.collect(Instant.parse("2024-11-20T11:01:00Z"));
        assertThat(writer.oldestDue()).contains(new ResponseIndicatorWriter.ClosedWindow(HOUR,
                Instant.parse("2024-11-20T10:00:00Z")));
        // a clock that jumps two hours on: both windows, oldest first, the unwritten one kept
        writer.collect(Instant.parse("2024-11-20T13:01:00Z"));
        assertThat(writer.oldestDue().orElseThrow().start()).isEqualTo(Instant.parse("2024-11-20T10:00:00Z"));
        writer.written(writer.oldestDue().orElseThrow());
        writer.written(writer.oldestDue().orElseThrow());
        assertThat(writer.oldestDue().orElseThrow().start()).isEqualTo(Instant.parse("2024-11-20T12:00:00Z"));
    }

    @Test
    void aServerStartedAfterAGapWritesTheWindowsClosedWhileNoneRanOldestFirst() {
        ResponseIndicatorWriter writer = writer();
        // the newest written is 06:00-07:00; started at 10:30, the windows of 07, 08 and 09 h have closed since
        writer.resumeAfter(Map.of(HOUR, Instant.parse("2024-11-20T06:00:00Z")), Instant.parse("2024-11-20T10:30:00Z"));
        writer.collect(Instant.parse("2024-11-20T10:30:00Z"));
        assertThat(drain(writer)).containsExactly(Instant.parse("2024-11-20T07:00:00Z"),
                Instant.parse("2024-11-20T08:00:00Z"), Instant.parse("2024-11-20T09:00:00Z"));
    }

    @Test
    void aGapLongerThanAWeekIsWrittenFromAWeekBack() {
        ResponseIndicatorWriter writer = writer();
        writer.resumeAfter(Map.of(HOUR, Instant.parse("2024-10-01T00:00:00Z")), Instant.parse("2024-11-20T10:30:00Z"));
        writer.collect(Instant.parse("2024-11-20T10:30:00Z"));
        List<Instant> due = drain(writer);
        // settled at 10:29; a week before that is 2024-11-13 10:29, in the window of 10:00; the last closed is 09:00
        assertThat(due).hasSize(7 * 24).first().isEqualTo(Instant.parse("2024-11-13T10:00:00Z"));
        assertThat(due).last().isEqualTo(Instant.parse("2024-11-20T09:00:00Z"));
    }

    @Test
    void theLastWindowClosedIsWrittenAgainWhateverWasWrittenLast() {
        ResponseIndicatorWriter writer = writer();
        // written by an instance whose clock runs ahead, or this very window written before a restart
        writer.resumeAfter(Map.of(HOUR, Instant.parse("2024-11-20T12:00:00Z")), Instant.parse("2024-11-20T10:30:00Z"));
        writer.collect(Instant.parse("2024-11-20T10:30:00Z"));
        assertThat(drain(writer)).containsExactly(Instant.parse("2024-11-20T09:00:00Z"));
    }

    private static ResponseIndicatorWriter writer() {
        return new ResponseIndicatorWriter(ResponseIndicators.of(IndicatorCatalogue.loadDefault()), null);
    }

    /** The starts of the windows due, oldest first, each marked written. */
    private static List<Instant> drain(ResponseIndicatorWriter writer) {
        List<Instant> starts = new ArrayList<>();
        for (var window = writer.oldestDue(); window.isPresent(); window = writer.oldestDue()) {
            assertThat(window.get().size()).isEqualTo(HOUR);
            starts.add(window.get().start());
            writer.written(window.get());
        }
        return starts;
    }
}
