package org.cityvitals.indicators.signal;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertIdsTest {

    @Test
    void anIdNamesItsRuleAndSeriesAlsoWhenItIsARepeat() {
        String id = AlertIds.of("level", "air.pm25", "310101", Instant.parse("2026-03-02T00:01:00Z"));
        assertThat(id).isEqualTo("level:air.pm25:310101:1772409660");
        assertThat(AlertIds.ruleOf(id + ".2")).isEqualTo("level");
        assertThat(AlertIds.seriesKeyOf(id + ".2")).isEqualTo("air.pm25|310101");
    }

    @Test
    void somethingElseIsRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> AlertIds.seriesKeyOf("a-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule:indicator:area:since").hasMessageContaining("a-1");
    }
}
