package org.cityvitals.dashboard.auth;

import org.cityvitals.dashboard.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginGuardTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginGuard guard = new LoginGuard(
            new LoginGuard.Policy(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

    @Test
    void fiveFailuresForOneNameLockItForFifteenMinutesFromAnyAddress() {
        for (int i = 0; i < 4; i++) {
            guard.failed("ops", "10.0.0.1");
        }
        assertThat(guard.retryAfter("ops", "10.0.0.1")).isEmpty();
        guard.failed("ops", "10.0.0.2");
        assertThat(guard.retryAfter("ops", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(guard.retryAfter("admin", "10.0.0.9")).as("another name, another address").isEmpty();
        clock.advance(Duration.ofMinutes(14));
        assertThat(guard.retryAfter("ops", "10.0.0.9")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(guard.retryAfter("ops", "10.0.0.9")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCountAndASuccessClearsTheName() {
        for (int i = 0; i < 4; i++) {
            guard.failed("ops", "a");
        }
        clock.advance(Duration.ofMinutes(16));
        guard.failed("ops", "a");
        assertThat(guard.retryAfter("ops", "a")).isEmpty();
        for (int i = 0; i < 3; i++) {
            guard.failed("ops", "a");
        }
        guard.succeeded("ops");
        guard.failed("ops", "a");
        assertThat(guard.retryAfter("ops", "a")).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressLockItWhateverTheNames() {
        for (int i = 0; i < 20; i++) {
            guard.failed("user-" + i, "192.0.2.7");
        }
        assertThat(guard.retryAfter("somebody-else", "192.0.2.7")).contains(Duration.ofMinutes(15));
        assertThat(guard.retryAfter("somebody-else", "192.0.2.8")).isEmpty();
    }
}
