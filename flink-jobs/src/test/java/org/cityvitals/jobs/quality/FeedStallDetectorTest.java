package org.cityvitals.jobs.quality;

import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.jobs.testing.Harnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The feed-stall detector on the harness's processing-time clock. */
class FeedStallDetectorTest {

    private final KeyedOneInputStreamOperatorTestHarness<String, FeedHeartbeat, AlertEvent> harness =
            Harnesses.keyed(new FeedStallDetector(Duration.ofMinutes(2)), FeedHeartbeat::key);

    FeedStallDetectorTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void beat(long at) throws Exception {
        harness.setProcessingTime(at);
        harness.processElement(new FeedHeartbeat("310000", "air", at), at);
    }

    @Test
    void aFeedSilentForTwoMinutesOfWallClockIsStalledUntilDataReturns() throws Exception {
        beat(1_000);
        beat(61_000);
        harness.setProcessingTime(121_000);
        assertThat(harness.extractOutputValues()).isEmpty(); // 60 s since the last heartbeat
        harness.setProcessingTime(181_000);
        beat(200_000);
        assertThat(harness.extractOutputValues()).extracting(AlertEvent::rule, AlertEvent::kind,
                AlertEvent::indicatorId, AlertEvent::district, AlertEvent::audience, AlertEvent::version)
                .containsExactly(
                        tuple("feed_stalled", AlertKind.OPENED, "dq.air.freshness", "310000", AlertAudience.PLATFORM, 1),
                        tuple("feed_stalled", AlertKind.RESOLVED, "dq.air.freshness", "310000", AlertAudience.PLATFORM,
                                2));
    }
}
