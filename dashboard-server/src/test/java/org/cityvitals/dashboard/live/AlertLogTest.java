package org.cityvitals.dashboard.live;

import org.cityvitals.dashboard.feed.Position;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reconnecting client gets from the log: exactly what it missed, or nothing when the log is too short. */
class AlertLogTest {

    @Test
    void aResumeGetsExactlyTheEntriesAfterItsCursorInLogOrder() {
        AlertLog log = new AlertLog(100);
        log.startsAt("a0", 0);
        log.startsAt("a1", 0);
        append(log, "a0", 0);
        append(log, "a1", 0);
        Cursor seen = log.head();
        append(log, "a0", 1);
        append(log, "a1", 1);
        append(log, "a0", 2);

        assertThat(offsets(log.after(seen).orElseThrow())).containsExactly("a0@1", "a1@1", "a0@2");
        assertThat(log.after(log.head()).orElseThrow()).isEmpty();
        assertThat(offsets(log.after(Cursor.START).orElseThrow())).hasSize(5);
    }

    @Test
    void aReplayedRecordIsNotNews() {
        AlertLog log = new AlertLog(100);
        append(log, "a0", 3);
        assertThat(log.isNew(new Position("a0", 3, 0))).isFalse();
        assertThat(log.isNew(new Position("a0", 2, 0))).isFalse();
        assertThat(log.isNew(new Position("a0", 4, 0))).isTrue();
        assertThat(log.isNew(new Position("x0", 0, 0))).isTrue();
    }

    @Test
    void aCursorFromBeforeTheLogBeganOrBeforeItsOldestEntryIsTooOld() {
        AlertLog log = new AlertLog(3);
        log.startsAt("a0", 10); // the replay after a restart began at offset 10: 0..9 are not here
        assertThat(log.after(new Cursor(0, Map.of("a0", 8L)))).as("9 is missing").isEmpty();
        assertThat(log.after(new Cursor(0, Map.of("a0", 9L)))).isPresent();
        for (int offset = 10; offset < 15; offset++) {
            append(log, "a0", offset);
        }
        // capacity 3: 10 and 11 have left
        assertThat(log.after(new Cursor(0, Map.of("a0", 10L)))).isEmpty();
        assertThat(offsets(log.after(new Cursor(0, Map.of("a0", 11L))).orElseThrow()))
                .containsExactly("a0@12", "a0@13", "a0@14");
    }

    private static void append(AlertLog log, String partition, long offset) {
        Position p = new Position(partition, offset, offset);
        log.append(Outgoing.sequenced("310101", false, p, log.head().after(p), new Entry("alert")));
    }

    private record Entry(String type) {}

    private static List<String> offsets(List<Outgoing> entries) {
        return entries.stream().map(e -> e.position().streamPartition() + "@" + e.position().offset()).toList();
    }
}
