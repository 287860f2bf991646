package org.cityvitals.indicators.city;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A city: its districts, local time zone and boundary file. Data sets name districts in their own way (a Beijing
 * air-quality station, a New York borough in capitals), so the profile also maps such aliases onto district codes.
 */
public final class CityProfile {
    private final String id;
    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final ZoneId zone;
    private final List<District> districts;
    private final Map<String, District> byCode = new LinkedHashMap<>();
    private final Map<String, District> byAlias = new LinkedHashMap<>();
    /** Each district's code → the codes of the others, computed once: it is asked for every incident. */
    private final Map<String, List<String>> others = new LinkedHashMap<>();
    private final List<String> districtCodes;
    private final String boundaryResource;

    CityProfile(String id, String code, String nameZh, String nameEn, ZoneId zone, List<District> districts,
                Map<String, String> aliases, String boundaryResource) {
        this.id = id;
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.zone = zone;
        this.districts = List.copyOf(districts);
        this.boundaryResource = boundaryResource;
        for (District d : districts) {
            byCode.put(d.code(), d);
            byAlias.put(normalise(d.code()), d);
            byAlias.put(normalise(d.nameEn()), d);
            byAlias.put(normalise(d.nameZh()), d);
        }
        aliases.forEach((alias, districtCode) -> byAlias.put(normalise(alias), byCode.get(districtCode)));
        this.districtCodes = districts.stream().map(District::code).toList();
        for (String district : districtCodes) {
            others.put(district, districtCodes.stream().filter(c -> !c.equals(district)).toList());
        }
    }

    public String id() {
        return id;
    }

    /**
     * The code of the city-wide series: the GB/T 2260 city code in China ({@code 310000}), a stable slug elsewhere.
     * District and city codes share one namespace, so a code names exactly one area of one city.
     */
    public String code() {
        return code;
    }

    /** True for the city's own code and the codes of its districts. */
    public boolean contains(String areaCode) {
        return code.equals(areaCode) || byCode.containsKey(areaCode);
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<District> districts() {
        return districts;
    }

    /**
     * The codes of this city's districts other than {@code districtCode}: where a count series that starts in one
     * district must exist too, so that a district without any case reads 0 rather than nothing.
     */
    public List<String> districtsOtherThan(String districtCode) {
        return others.getOrDefault(districtCode, districtCodes); // the city's own code: every district
    }

    public Optional<District> district(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The district a data set means by {@code name}: a code, an English or Chinese name or a listed alias,
     * ignoring case and surrounding blanks.
     */
    public Optional<District> resolve(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byAlias.get(normalise(name)));
    }

    /** Classpath path of the district boundary GeoJSON, or null when the city has none. */
    public String boundaryResource() {
        return boundaryResource;
    }

    @Override
    public String toString() {
        return id;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
