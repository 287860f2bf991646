package org.cityvitals.dashboard.live;

import org.cityvitals.dashboard.feed.Position;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @Test
    void travelsAsTextAndComesBackTheSame() {
        Cursor cursor = new Cursor(1733050000000L, Map.of("a0", 123L, "a1", 45L, "x0", 7L));
        assertThat(cursor.encode()).isEqualTo("t1733050000000;a0=123;a1=45;x0=7");
        assertThat(Cursor.parse(cursor.encode())).isEqualTo(cursor);
        assertThat(Cursor.parse(Cursor.START.encode())).isEqualTo(Cursor.START);
    }

    @Test
    void movesForwardOnlyAndKnowsWhatComesAfterIt() {
        Cursor cursor = Cursor.START.after(new Position("a0", 5, 100)).after(new Position("x1", 2, 300));
        assertThat(cursor.offset("a0")).isEqualTo(5);
        assertThat(cursor.offset("a1")).as("a partition never seen").isEqualTo(-1);
        assertThat(cursor.timeMillis()).isEqualTo(300);
        assertThat(cursor.after(new Position("a0", 4, 400))).as("an older record changes nothing").isEqualTo(cursor);
        assertThat(cursor.isBefore(new Position("a0", 6, 0))).isTrue();
        assertThat(cursor.isBefore(new Position("a0", 5, 0))).isFalse();
        assertThat(cursor.isBefore(new Position("a1", 0, 0))).isTrue();
    }

    @Test
    void comparesAndMergesPartitionByPartition() {
        Cursor a = new Cursor(1, Map.of("a0", 5L, "a1", 1L));
        Cursor b = new Cursor(2, Map.of("a0", 3L, "a1", 9L, "x0", 0L));
        assertThat(a.isAtMost(b)).isFalse();
        assertThat(new Cursor(0, Map.of("a0", 3L)).isAtMost(b)).isTrue();
        assertThat(a.max(b)).isEqualTo(new Cursor(2, Map.of("a0", 5L, "a1", 9L, "x0", 0L)));
    }

    @Test
    void aMalformedCursorIsRefusedSayingWhatToSend() {
        assertThatThrownBy(() -> Cursor.parse("a0=1")).hasMessageContaining("last 'cursor' the server sent")
                .hasMessageContaining("a0=1");
        assertThatThrownBy(() -> Cursor.parse("t1;a0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cursor.parse("t1;a0=x")).isInstanceOf(IllegalArgumentException.class);
    }
}
