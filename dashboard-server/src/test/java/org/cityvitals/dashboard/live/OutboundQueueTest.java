package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.dashboard.feed.Position;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundQueueTest {

    private static final Cursor HEAD = new Cursor(1, Map.of("a0", 1L));

    @Test
    void aSlowClientGetsOnlyTheNewestValuePerKeyButTheAlertStreamInOrderWithOneTrailingHeartbeat() {
        OutboundQueue queue = new OutboundQueue(10);
        for (int i = 1; i <= 1000; i++) {
            queue.offerState("air.pm25|310101", value("pm25-huangpu-" + i));
            queue.offerState("air.pm25|310115", value("pm25-pudong-" + i));
            queue.offerHeartbeat(value("beat-" + i), null);
        }
        assertThat(queue.offerOrdered(alert(1), null)).isTrue();
        queue.offerHeartbeat(value("beat-after-1"), null);
        assertThat(queue.offerOrdered(alert(2), null)).isTrue();
        queue.offerHeartbeat(value("beat-after-2a"), null);
        queue.offerHeartbeat(value("beat-after-2b"), null);

        assertThat(drain(queue)).containsExactly(
                text("beat-1000"), alertText(1), text("beat-after-1"), alertText(2), text("beat-after-2b"),
                text("pm25-huangpu-1000"), text("pm25-pudong-1000"));
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.poll()).isNull();
    }

    @Test
    void theAlertStreamIsNeverDroppedTheQueueRefusesOnceFull() {
        OutboundQueue queue = new OutboundQueue(3);
        for (int i = 1; i <= 3; i++) {
            assertThat(queue.offerOrdered(alert(i), null)).isTrue();
        }
        assertThat(queue.offerOrdered(alert(4), null)).isFalse();
        assertThat(drain(queue)).containsExactly(alertText(1), alertText(2), alertText(3));
        assertThat(queue.offerOrdered(alert(5), null)).isTrue();
    }

    @Test
    void aCoalescedKeyKeepsItsPlaceInLineAndSaysItReplacedOne() {
        OutboundQueue queue = new OutboundQueue(10);
        assertThat(queue.offerState("a", value("a-1"))).isFalse();
        assertThat(queue.offerState("b", value("b-1"))).isFalse();
        assertThat(queue.offerState("a", value("a-2"))).isTrue();
        assertThat(drain(queue)).containsExactly(text("a-2"), text("b-1"));
    }

    @Test
    void aHeartbeatSaysWhenItReplacedAnUnsentOneButNeverReplacesAnAlert() {
        OutboundQueue queue = new OutboundQueue(10);
        assertThat(queue.offerHeartbeat(value("beat-1"), null)).isFalse();
        assertThat(queue.offerHeartbeat(value("beat-2"), null)).isTrue();
        queue.offerOrdered(alert(1), null);
        assertThat(queue.offerHeartbeat(value("beat-3"), null)).isFalse();
        assertThat(drain(queue)).containsExactly(text("beat-2"), alertText(1), text("beat-3"));
    }

    @Test
    void anEntryWithItsOwnTextIsSentWithIt() {
        OutboundQueue queue = new OutboundQueue(10);
        queue.offerOrdered(alert(1), "own");
        assertThat(drain(queue)).containsExactly("own");
    }

    /** A state message whose text is its name. */
    private static Outgoing value(String name) {
        return Outgoing.of("310101", Clearance.OPEN, new Named(name));
    }

    private record Named(String type) {}

    private static String text(String name) {
        return "{\"type\":\"" + name + "\"}";
    }

    private static Outgoing alert(int offset) {
        return Outgoing.sequenced("310101", false, Clearance.OPEN, new Position("a0", offset, 0), HEAD, new Named("alert-" + offset));
    }

    private static String alertText(int offset) {
        return alert(offset).text();
    }

    private static List<String> drain(OutboundQueue queue) {
        List<String> sent = new ArrayList<>();
        for (String next = queue.poll(); next != null; next = queue.poll()) {
            sent.add(next);
        }
        return sent;
    }
}
