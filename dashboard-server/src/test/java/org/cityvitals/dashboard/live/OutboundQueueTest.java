package org.cityvitals.dashboard.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundQueueTest {

    @Test
    void aSlowClientGetsOnlyTheNewestValuePerKeyButEveryAlertInOrder() {
        OutboundQueue queue = new OutboundQueue(10);
        for (int i = 1; i <= 1000; i++) {
            queue.offerValue("air.pm25|310101", new Outgoing("310101", "pm25-huangpu-" + i));
            queue.offerValue("air.pm25|310115", new Outgoing("310115", "pm25-pudong-" + i));
            queue.offerHeartbeat(new Outgoing(null, "beat-" + i));
        }
        assertThat(queue.offerAlert(new Outgoing("310101", "alert-1"))).isTrue();
        assertThat(queue.offerAlert(new Outgoing("310115", "alert-2"))).isTrue();

        assertThat(drain(queue)).containsExactly(
                "alert-1", "alert-2", "pm25-huangpu-1000", "pm25-pudong-1000", "beat-1000");
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.poll()).isNull();
    }

    @Test
    void alertsAreNeverDroppedTheQueueRefusesOnceFull() {
        OutboundQueue queue = new OutboundQueue(3);
        for (int i = 1; i <= 3; i++) {
            assertThat(queue.offerAlert(new Outgoing("310101", "alert-" + i))).isTrue();
        }
        assertThat(queue.offerAlert(new Outgoing("310101", "alert-4"))).isFalse();
        assertThat(drain(queue)).containsExactly("alert-1", "alert-2", "alert-3");
        assertThat(queue.offerAlert(new Outgoing("310101", "alert-5"))).isTrue();
    }

    @Test
    void aCoalescedKeyKeepsItsPlaceInLine() {
        OutboundQueue queue = new OutboundQueue(10);
        queue.offerValue("a", new Outgoing("1", "a-1"));
        queue.offerValue("b", new Outgoing("1", "b-1"));
        queue.offerValue("a", new Outgoing("1", "a-2"));
        assertThat(drain(queue)).containsExactly("a-2", "b-1");
    }

    private static List<String> drain(OutboundQueue queue) {
        List<String> sent = new ArrayList<>();
        for (Outgoing next = queue.poll(); next != null; next = queue.poll()) {
            sent.add(next.json());
        }
        return sent;
    }
}
