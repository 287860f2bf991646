package org.cityvitals.dashboard.open;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per client address: {@code capacity} requests at once, refilled at {@code capacity} per
 * {@code period}. Past it a request is refused with the time until the next token. Confined to one event loop; the
 * number of addresses remembered is bounded (the least recently seen is forgotten first), so a flood of addresses
 * cannot exhaust memory — a forgotten address simply starts with a full bucket.
 */
public final class RateLimiter {

    private static final int MAX_ADDRESSES = 100_000;

    private final int capacity;
    private final double tokensPerNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    private static final class Bucket {
        double tokens;
        Instant at;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(int capacity, Duration period, Clock clock) {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a capacity ≥ 1 and a positive period");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.clock = clock;
    }

    /** Takes a token for {@code address}: empty when the request may go ahead, else how long to wait. */
    public Optional<Duration> acquire(String address) {
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(capacity, now));
        long elapsed = Duration.between(bucket.at, now).toNanos();
        bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, elapsed) * tokensPerNano);
        bucket.at = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano)));
    }
}
