package org.cityvitals.dashboard.auth;

import org.cityvitals.dashboard.BoundedMaps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Login rate limiting with temporary lockout, per user name and per client address, as its {@link Policy} says:
 * {@code maxFailures} failed logins within {@code window} lock that name (or address) for {@code lockout}; while
 * locked, every login for it is refused with the time left, whether the password is right or not. Counts are kept
 * for at most {@value #MAX_TRACKED} names and addresses (the least recently seen are forgotten first), so a flood of
 * made-up names cannot exhaust memory. Thread-safe.
 */
public final class LoginGuard {

    static final int MAX_TRACKED = 100_000;

    private final Policy policy;
    private final Clock clock;
    private final Map<String, Record> records = BoundedMaps.leastRecentlyUsed(MAX_TRACKED);

    private static final class Record {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
    }

    /** How many failed logins within {@code window} lock a user name, or a client address, for {@code lockout}. */
    public record Policy(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window, Duration lockout) {

        /** 5 failures in 15 minutes lock a user name, 20 lock an address, for 15 minutes. */
        public static final Policy STANDARD = new Policy(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    public LoginGuard(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** {@link Policy#STANDARD} on the system clock. */
    public static LoginGuard standard() {
        return new LoginGuard(Policy.STANDARD, Clock.systemUTC());
    }

    /** How long the caller must wait before trying again; empty when a login may be tried now. */
    public synchronized Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Instant until = max(lockedUntil("user:" + username), lockedUntil("address:" + address));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public synchronized void failed(String username, String address) {
        count("user:" + username, policy.maxFailuresPerUser());
        count("address:" + address, policy.maxFailuresPerAddress());
    }

    /** A successful login clears the user's failures (the address keeps its count: it may be trying many names). */
    public synchronized void succeeded(String username) {
        records.remove("user:" + username);
    }

    private void count(String key, int maxFailures) {
        Instant now = clock.instant();
        Record r = records.computeIfAbsent(key, k -> new Record());
        r.failures.addLast(now);
        while (!r.failures.isEmpty() && r.failures.peekFirst().isBefore(now.minus(policy.window()))) {
            r.failures.removeFirst();
        }
        if (r.failures.size() >= maxFailures) {
            r.lockedUntil = now.plus(policy.lockout());
            r.failures.clear();
        }
    }

    private Instant lockedUntil(String key) {
        Record r = records.get(key);
        return r == null ? Instant.MIN : r.lockedUntil;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
