package org.cityvitals.indicators;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.junit.jupiter.api.Test;

/** A record refuses a missing field naming that field, and half a coordinate naming both halves. */
class FieldsTest {

    private static final Instant AT = Instant.parse("2025-06-02T12:00:00Z");

    @Test
    void namesTheFirstMissingField() {
        assertThatThrownBy(() -> Fields.required("id", "a-1", "district", null, "source", null))
                .isInstanceOf(NullPointerException.class).hasMessage("district");
    }

    @Test
    void acceptsFieldsThatAreAllThere() {
        assertThatCode(() -> Fields.required("id", "a-1", "district", "310101")).doesNotThrowAnyException();
    }

    @Test
    void refusesANameWithoutItsValue() {
        assertThatThrownBy(() -> Fields.required("id", "a-1", "district"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name, value pairs");
    }

    @Test
    void refusesHalfOfAPairThatGoesTogether() {
        assertThatThrownBy(() -> Fields.together("lat", 31.2, "lon", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lat and lon must be both present or both null");
        assertThatCode(() -> Fields.together("lat", null, "lon", null)).doesNotThrowAnyException();
        assertThatCode(() -> Fields.together("lat", 31.2, "lon", 121.5)).doesNotThrowAnyException();
    }

    @Test
    void aReadingWithoutItsMetricSaysSo() {
        assertThatThrownBy(() -> new Reading("s-1", null, 1.0, "ug/m3", AT, "310101", null, null, Quality.GOOD))
                .isInstanceOf(NullPointerException.class).hasMessage("metric");
        assertThatThrownBy(() -> new Reading("s-1", "pm25", 1.0, "ug/m3", AT, "310101", null, 121.5, Quality.GOOD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lat and lon must be both present or both null");
    }
}
