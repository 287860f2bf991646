package org.cityvitals.dashboard.open;

import org.cityvitals.dashboard.BoundedMaps;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per client: {@code capacity} requests at once, refilled at {@code capacity} per {@code period}. Past
 * it a request is refused with the time until the next token. A client is an IPv4 address or an IPv6 /64, the
 * smallest network one subscriber is given (RFC 6177), so nobody multiplies their budget by rotating through their
 * own addresses. Confined to one event loop; the number of clients remembered is bounded (the least recently seen is
 * forgotten first), so a flood of addresses cannot exhaust memory — a forgotten client starts with a full bucket.
 */
public final class RateLimiter {

    private static final int MAX_ADDRESSES = 100_000;

    private final int capacity;
    private final double tokensPerNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets = BoundedMaps.leastRecentlyUsed(MAX_ADDRESSES);

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

    /** Takes a token for {@code address}'s client: empty when the request may go ahead, else how long to wait. */
    public Optional<Duration> acquire(String address) {
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(client(address), a -> new Bucket(capacity, now));
        long elapsed = Duration.between(bucket.at, now).toNanos();
        bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, elapsed) * tokensPerNano);
        bucket.at = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano)));
    }

    /** The client of an address literal: an IPv4 address itself, an IPv6 address's /64 prefix. */
    static String client(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            if (bytes.length == 4) {
                return address; // an IPv4-mapped address
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
    }
}
