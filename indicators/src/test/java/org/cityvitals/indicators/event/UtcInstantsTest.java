package org.cityvitals.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decoder's instant reading agrees with {@link Instant#parse}, the JDK's reading of ISO-8601, on every text. */
class UtcInstantsTest {

    @Test
    void agreesWithTheJdkOnRandomInstantsWithEveryFractionLength() {
        Random random = new Random(20261201);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 4_102_444_800L, random.nextInt(1_000_000_000));
            String whole = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(instant.getEpochSecond())).replace("Z", "");
            String nanos = String.format("%09d", instant.getNano());
            int digits = random.nextInt(10);
            String text = whole + (digits == 0 ? "" : "." + nanos.substring(0, digits)) + "Z";
            assertThat(UtcInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesEveryOtherShapeToTheJdk() {
        for (String text : List.of("2024-02-29T23:59:59Z", "2026-11-26T24:00:00Z", "2016-12-31T23:59:60Z",
                "+12026-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-11-26T08:00:00.123456789Z", "2026-11-26T08:00:00+01:00",
                "2026-11-26T08:00:00.Z")) {
            assertThat(UtcInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-26T08:60:00Z",
                "2026-11-26T08:00:00.1234567891Z", "2026-11-26 08:00:00Z",
                "2026-11-2aT08:00:00Z", "2026-11-26T08:00Z", "")) {
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> UtcInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
