package org.cityvitals.indicators.city;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The city profiles shipped in {@value #RESOURCE}; Shanghai is the default. */
public final class CityProfiles {
    static final String RESOURCE = "city/profiles.yaml";
    public static final String DEFAULT_ID = "shanghai";

    private static final List<CityProfile> ALL = loadShipped();
    private static final Map<String, CityProfile> BY_AREA = indexByArea();

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

    /**
     * The city an area code belongs to: a district code or a city's own code.
     * @throws IllegalArgumentException when no shipped profile has that code
     */
    public static CityProfile ofArea(String areaCode) {
        CityProfile city = BY_AREA.get(areaCode);
        if (city == null) {
            throw new IllegalArgumentException("no city profile has a district or city code '" + areaCode + "'");
        }
        return city;
    }

    /** Whether some shipped profile has {@code areaCode} as a district or as its own code. */
    public static boolean knows(String areaCode) {
        return BY_AREA.containsKey(areaCode);
    }

    /** Whether {@code areaCode} is some city's own code (the city-wide series), not a district. */
    public static boolean isCityCode(String areaCode) {
        CityProfile city = BY_AREA.get(areaCode);
        return city != null && city.code().equals(areaCode);
    }

    public static List<CityProfile> all() {
        return ALL;
    }

    private static Map<String, CityProfile> indexByArea() {
        Map<String, CityProfile> byArea = new HashMap<>();
        for (CityProfile city : ALL) {
            byArea.put(city.code(), city);
            city.districts().forEach(d -> byArea.put(d.code(), city));
        }
        return Map.copyOf(byArea);
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
