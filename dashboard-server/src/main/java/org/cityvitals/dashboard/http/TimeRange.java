package org.cityvitals.dashboard.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code from}/{@code to} query parameters of a history request: the last 24 h by default, at most 31 days. */
record TimeRange(Instant from, Instant to) {

    private static final Duration DEFAULT_LENGTH = Duration.ofHours(24);
    private static final Duration MAX_LENGTH = Duration.ofDays(31);

    /** @throws IllegalArgumentException with a message fit for the caller when a parameter is malformed */
    static TimeRange of(HttpServerRequest request) {
        Instant to;
        Instant from;
        try {
            to = instant(request, "to", Instant.now());
            from = instant(request, "from", to.minus(DEFAULT_LENGTH));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "from and to must be ISO-8601 instants such as 2024-05-01T00:00:00Z: " + e.getMessage(), e);
        }
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("from must be before to, at most " + MAX_LENGTH.toDays() + " days apart");
        }
        return new TimeRange(from, to);
    }

    /** The range of the request; empty after answering 400 with what is wrong when it is malformed. */
    static Optional<TimeRange> of(RoutingContext ctx) {
        try {
            return Optional.of(of(ctx.request()));
        } catch (IllegalArgumentException e) {
            Answers.error(ctx, 400, e.getMessage());
            return Optional.empty();
        }
    }

    private static Instant instant(HttpServerRequest request, String param, Instant fallback) {
        String value = request.getParam(param);
        return value == null || value.isBlank() ? fallback : Instant.parse(value);
    }
}
