package org.cityvitals.ingest.gateway;

import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** Finds the key a request carries as {@code Authorization: Bearer KEY} or {@code X-Api-Key: KEY}. */
final class ApiKeys {
    private final List<ApiKey> keys;

    ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    Optional<ApiKey> presentedBy(RoutingContext ctx) {
        String presented = ctx.request().getHeader("X-Api-Key");
        String authorization = ctx.request().getHeader("Authorization");
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        }
        if (presented == null) return Optional.empty();
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        ApiKey match = null;
        for (ApiKey key : keys) { // every key compared in constant time: no timing hint about any of them
            if (MessageDigest.isEqual(key.secret(), candidate)) match = key;
        }
        return Optional.ofNullable(match);
    }
}
