package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.ResponseIndicators;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which hourly windows are due when: each once, a minute after it ends, oldest first. */
class ResponseIndicatorWriterTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aWindowIsDueAMinuteAfterItsEndAndOnlyOnce() {
        ResponseIndicatorWriter writer = new ResponseIndicatorWriter(
                ResponseIndicators.of(IndicatorCatalogue.loadDefault()), null);
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
}
