package org.cityvitals.ingest.gateway;

import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Accepts a request carrying one of the configured keys as {@code Authorization: Bearer KEY} or {@code X-Api-Key}. */
final class ApiKeys {
    private final List<byte[]> keys;

    ApiKeys(List<String> keys) {
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    boolean allows(RoutingContext ctx) {
        String presented = ctx.request().getHeader("X-Api-Key");
        String authorization = ctx.request().getHeader("Authorization");
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        }
        if (presented == null) return false;
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, candidate); // constant time: no timing hint about the keys
        }
        return match;
    }
}
