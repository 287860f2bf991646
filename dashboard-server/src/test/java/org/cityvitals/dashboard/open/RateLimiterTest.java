package org.cityvitals.dashboard.open;

import org.cityvitals.dashboard.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 60 requests a minute per client: a token comes back every second (60 s / 60). A client is an IPv4 address or an
 * IPv6 /64, the smallest network one subscriber is given (RFC 6177), so rotating the interface id gains nothing.
 */
class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void sixtyAtOnceThenOneASecondPerAddress() {
        TestClock clock = new TestClock(T0);
        RateLimiter limiter = new RateLimiter(60, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire("10.0.0.1")).as("request %d", i + 1).isEmpty();
        }
        assertThat(limiter.acquire("10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(limiter.acquire("10.0.0.2")).as("another address has its own bucket").isEmpty();
        clock.set(T0.plusMillis(500));
        assertThat(limiter.acquire("10.0.0.1")).contains(Duration.ofMillis(500));
        clock.set(T0.plusSeconds(1));
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        assertThat(limiter.acquire("10.0.0.1")).isPresent();
        clock.set(T0.plusSeconds(3600));
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire("10.0.0.1")).as("after an hour, never more than 60 at once").isEmpty();
        }
        assertThat(limiter.acquire("10.0.0.1")).isEqualTo(Optional.of(Duration.ofSeconds(1)));
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), new TestClock(T0));
        assertThat(limiter.acquire("2001:db8:1:2::1")).isEmpty();
        assertThat(limiter.acquire("2001:db8:1:2:ffff:ffff:ffff:fffe")).isEmpty();
        assertThat(limiter.acquire("2001:db8:1:2:abcd::9")).as("third from the same /64").isPresent();
        assertThat(limiter.acquire("2001:db8:1:3::1")).as("the next /64 is another client").isEmpty();
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        assertThat(limiter.acquire("10.0.0.1")).as("an IPv4 address is a client of its own").isPresent();
        assertThat(limiter.acquire("10.0.0.2")).isEmpty();
    }
}
