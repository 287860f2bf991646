package org.cityvitals.indicators.city;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The city profiles shipped in {@value #RESOURCE}; Shanghai is the default. */
public final class CityProfiles {
    static final String RESOURCE = "city/profiles.yaml";
    public static final String DEFAULT_ID = "shanghai";

    private static final List<CityProfile> ALL = loadShipped();

    private CityProfiles() {
    }

    public static CityProfile shanghai() {
        return byId(DEFAULT_ID);
    }

    /** @throws IllegalArgumentException naming the known ids when {@code id} is not one of them */
    public static CityProfile byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown city profile '" + id + "', known: "
                        + String.join(", ", ALL.stream().map(CityProfile::id).toList())));
    }

    public static List<CityProfile> all() {
        return ALL;
    }

    private static List<CityProfile> loadShipped() {
        try (InputStream in = Objects.requireNonNull(
                CityProfiles.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CityProfileLoader.Result result = CityProfileLoader.load(reader, RESOURCE);
            if (!result.problems().isEmpty()) {
                throw new IllegalStateException("shipped " + RESOURCE + " is invalid:\n"
                        + String.join("\n", result.problems()));
            }
            return result.profiles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
