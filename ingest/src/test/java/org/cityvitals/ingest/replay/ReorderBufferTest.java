package org.cityvitals.ingest.replay;

import org.cityvitals.ingest.source.OutboundEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReorderBufferTest {
    private static final Instant T0 = Instant.parse("2014-02-13T10:30:00Z");

    @Test
    void releasesInTimeOrderWithinTheWindowAndHandsOlderEventsToTooLate() {
        ReorderBuffer buffer = new ReorderBuffer(Duration.ofMinutes(10), 100);
        List<String> released = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (int minute : new int[]{0, 5, 3, 15, 12, 30, 1, 31}) {
            buffer.offer(event(minute), e -> late.add(e.key()));
            buffer.advance(T0.plus(Duration.ofMinutes(minute)), e -> released.add(e.key()));
        }
        buffer.drain(e -> released.add(e.key()));

        assertThat(released).containsExactly("m0", "m3", "m5", "m12", "m15", "m30", "m31");
        assertThat(late).containsExactly("m1");
    }

    @Test
    void capacityBoundsMemoryByReleasingTheOldestEarly() {
        ReorderBuffer buffer = new ReorderBuffer(Duration.ofDays(1), 2);
        List<String> released = new ArrayList<>();
        for (int minute = 0; minute < 5; minute++) {
            buffer.offer(event(minute), e -> { });
            buffer.advance(T0.plus(Duration.ofMinutes(minute)), e -> released.add(e.key()));
            assertThat(buffer.size()).isLessThanOrEqualTo(2);
        }
        assertThat(released).containsExactly("m0", "m1", "m2");
    }

    private static OutboundEvent event(int minute) {
        return new OutboundEvent(OutboundEvent.Kind.READING, "m" + minute, T0.plus(Duration.ofMinutes(minute)), new byte[0]);
    }
}
