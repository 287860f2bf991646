package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.level.Level;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.dashboard.situation.Alerts.at;
import static org.cityvitals.dashboard.situation.Alerts.opened;

/** What a screen is pushed of a situation that gathered more alerts than a screen can take four times a second. */
class SituationFrameTest {

    @Test
    void aSituationOfSixtyAlertsGoesToScreensWithItsFiftyNewestAndTheCounts() {
        SituationBook book = new SituationBook(SituationBookTest.RULES, SituationBookTest.CATALOGUE,
                SituationBookTest.noMaintenance());
        // sixty PM2.5 episodes in Huangpu, one a minute: one pollution situation, every member open
        IntStream.range(0, 60).forEach(minute -> book.apply(opened("air.pm25", "310101", Level.YELLOW, minute)));
        Situation whole = book.all().get(0);

        SituationVerticle.Changed frame = SituationVerticle.Changed.of(whole);

        assertThat(frame.memberCount()).isEqualTo(60);
        assertThat(frame.timelineCount()).isEqualTo(60); // one "opened" each
        assertThat(frame.situation().members()).hasSize(50)
                .allSatisfy(m -> assertThat(m.since()).isAfterOrEqualTo(at(10))); // minutes 10 … 59 are the newest
        assertThat(frame.situation().members().get(0).since()).isEqualTo(at(10));
        assertThat(frame.situation().alertIds()).hasSize(50);
        assertThat(frame.situation().timeline()).hasSize(50)
                .allSatisfy(t -> assertThat(t.at()).isAfterOrEqualTo(at(10)));
        assertThat(frame.situation().id()).isEqualTo(whole.id());
        assertThat(frame.situation().level()).isEqualTo(Level.YELLOW);
    }
}
