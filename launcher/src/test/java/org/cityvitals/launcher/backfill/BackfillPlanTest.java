package org.cityvitals.launcher.backfill;

import org.apache.kafka.common.TopicPartition;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.store.query.BackfillQueries;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a backfill hands to {@code job backfill} and shows while it runs, worked out by hand. */
class BackfillPlanTest {

    private static final Instant FROM = Instant.parse("2013-03-01T00:00:00Z");
    private static final BackfillPlan PLAN = new BackfillPlan("beijing-aq-1", CityProfiles.byId("beijing"), FROM,
            FROM.plusSeconds(10 * 3600),
            Map.of(new TopicPartition("cv.replay.readings", 1), 0L, new TopicPartition("cv.replay.readings", 0), 5L),
            Map.of(new TopicPartition("cv.replay.readings", 1), 3L, new TopicPartition("cv.replay.readings", 0), 9L));

    @Test
    void theOffsetsFlagNamesEveryPartitionsRangeInTheFormTheJobCommandParses() {
        assertThat(PLAN.offsetsFlag()).isEqualTo("cv.replay.readings:0:5-9,cv.replay.readings:1:0-3");
    }

    @Test
    void theAreasAreTheCitysOwnCodeThenItsDistricts() {
        assertThat(PLAN.areas()).first().isEqualTo("110000");
        assertThat(PLAN.areas()).contains("110101", "110105").allMatch(code -> code.startsWith("110"));
    }

    @Test
    void progressIsHowFarTheStoredWindowsReachThroughTheRangeWithTheTimeLeftAtThatPace() {
        // windows up to 05:00 of a 10-hour range after 10 s: half done, 10 s to go
        String line = Backfill.progress(PLAN, new BackfillQueries.StoredResults(1200, FROM.plusSeconds(5 * 3600),
                30, 4), 10_000_000_000L);

        assertThat(line).contains(" 50.0%", "1,200 windows", "30 health scores", "4 alert transitions", "ETA 10 s");
        assertThat(Backfill.progress(PLAN, new BackfillQueries.StoredResults(0, null, 0, 0), 1_000_000_000L))
                .contains("  0.0%", "ETA --");
    }
}
