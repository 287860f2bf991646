package org.cityvitals.dashboard.open;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** 60 requests a minute per address: a token comes back every second (60 s / 60). */
class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void sixtyAtOnceThenOneASecondPerAddress() {
        MutableClock clock = new MutableClock(T0);
        RateLimiter limiter = new RateLimiter(60, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire("10.0.0.1")).as("request %d", i + 1).isEmpty();
        }
        assertThat(limiter.acquire("10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(limiter.acquire("10.0.0.2")).as("another address has its own bucket").isEmpty();
        clock.now = T0.plusMillis(500);
        assertThat(limiter.acquire("10.0.0.1")).contains(Duration.ofMillis(500));
        clock.now = T0.plusSeconds(1);
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        assertThat(limiter.acquire("10.0.0.1")).isPresent();
        clock.now = T0.plusSeconds(3600);
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire("10.0.0.1")).as("after an hour, never more than 60 at once").isEmpty();
        }
        assertThat(limiter.acquire("10.0.0.1")).isEqualTo(Optional.of(Duration.ofSeconds(1)));
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
