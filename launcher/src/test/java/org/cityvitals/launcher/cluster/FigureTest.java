package org.cityvitals.launcher.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FigureTest {

    @Test
    void theMedianOfAnOddNumberOfRunsIsTheMiddleOne() {
        assertThat(new Figure("b", "f", "events/s", List.of(90.0, 120.0, 100.0), null, true, "").median())
                .isEqualTo(100.0);
    }

    @Test
    void aThroughputGoalIsAFloorAndALatencyGoalACeiling() {
        assertThat(new Figure("b", "f", "rows/s", List.of(350_000.0), 300_000.0, true, "").verdict()).isEqualTo("met");
        assertThat(new Figure("b", "f", "rows/s", List.of(250_000.0), 300_000.0, true, "").verdict())
                .isEqualTo("NOT met");
        assertThat(new Figure("b", "f", "ms", List.of(60.0), 50.0, false, "").verdict()).isEqualTo("NOT met");
        assertThat(new Figure("b", "f", "ms", List.of(12.5), 50.0, false, "").verdict()).isEqualTo("met");
    }

    @Test
    void aSlotWithoutRunsHasNoMedianAndNoVerdict() {
        Figure slot = new Figure("alert-latency", "p95", "ms", List.of(), 500.0, false, "slot");
        assertThat(slot.median()).isNull();
        assertThat(slot.verdict()).isEmpty();
        assertThat(BenchCommand.table(List.of(slot)).get(1)).contains("n/a");
    }
}
