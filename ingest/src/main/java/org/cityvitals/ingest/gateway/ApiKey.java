package org.cityvitals.ingest.gateway;

import org.cityvitals.indicators.city.CityProfiles;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One API key of the gateway: its {@code id} (what is recorded with every item it sends, in logs, metrics and the
 * {@code cv-sender} Kafka header; never the secret), the {@code secret} callers present, the {@code sources} it may
 * send ({@code readings}, {@code incidents}, {@code scenarios}; empty = all) and the {@code areas} it may send for
 * (district codes, or a city's code for all of that city's districts; empty = every district of every city).
 */
record ApiKey(String id, byte[] secret, Set<String> sources, Set<String> areas) {
    static final Set<String> SOURCES = Set.of("readings", "incidents", "scenarios");

    ApiKey {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("every API key needs an id");
        }
        if (secret.length < 8) {
            throw new IllegalArgumentException("API key '" + id + "': the key must be at least 8 characters");
        }
        for (String source : sources) {
            if (!SOURCES.contains(source)) {
                throw new IllegalArgumentException("API key '" + id + "': unknown source '" + source + "', known: "
                        + String.join(", ", SOURCES.stream().sorted().toList()));
            }
        }
        for (String area : areas) {
            CityProfiles.ofArea(area); // fails naming an area code no city profile has
        }
        sources = Set.copyOf(sources);
        areas = Set.copyOf(areas);
    }

    static ApiKey unrestricted(String id, String secret) {
        return new ApiKey(id, secret.getBytes(StandardCharsets.UTF_8), Set.of(), Set.of());
    }

    boolean maySend(String source) {
        return sources.isEmpty() || sources.contains(source);
    }

    /** Whether the key may send for {@code district}: listed itself, or its city listed. */
    boolean mayReach(String district) {
        if (areas.isEmpty() || areas.contains(district)) {
            return true;
        }
        return CityProfiles.all().stream().anyMatch(city -> areas.contains(city.code())
                && city.district(district).isPresent());
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + "]"; // never the secret
    }
}
