package org.cityvitals.indicators.city;

import java.io.Reader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityvitals.indicators.yaml.YamlMap;
import org.cityvitals.indicators.yaml.YamlProblems;

/** Reads city profiles from YAML, reporting each problem as {@code file:line: problem}. */
final class CityProfileLoader {
    record Result(List<CityProfile> profiles, List<String> problems) {
    }

    private static final Set<String> CITY_FIELDS = Set.of("id", "code", "name", "zone", "boundary", "districts",
            "aliases");
    private static final Set<String> DISTRICT_FIELDS = Set.of("code", "zh", "en", "areaKm2", "population");

    private CityProfileLoader() {
    }

    static Result load(Reader reader, String file) {
        YamlProblems problems = new YamlProblems(file);
        List<CityProfile> profiles = new ArrayList<>();
        YamlMap root = YamlMap.parse(reader, problems);
        if (root != null) {
            root.allowOnly(Set.of("cities"));
            Set<String> codes = new HashSet<>();
            for (YamlMap city : root.maps("cities", true, "a city", CITY_FIELDS)) {
                CityProfile profile = city(city, codes);
                if (profile != null) {
                    profiles.add(profile);
                }
            }
        }
        return new Result(problems.isEmpty() ? profiles : List.of(), problems.list());
    }

    private static CityProfile city(YamlMap city, Set<String> codesOfAllCities) {
        YamlProblems problems = city.problems();
        String id = city.string("id", true);
        // the city-wide series is keyed by this code; it shares the district codes' namespace
        String code = city.string("code", true);
        if (code != null && !codesOfAllCities.add(code)) {
            problems.add(city.value("code", true), "duplicate code '" + code + "'");
        }
        YamlMap name = city.map("name", true);
        String zh = name == null ? null : name.string("zh", true);
        String en = name == null ? null : name.string("en", true);
        ZoneId zone = zone(city);
        String boundary = city.string("boundary", false);
        List<District> districts = new ArrayList<>();
        for (YamlMap district : city.maps("districts", true, "a district", DISTRICT_FIELDS)) {
            District d = district(district);
            // codes are unique across cities so that a catalogue override names exactly one district
            if (d != null && !codesOfAllCities.add(d.code())) {
                problems.add(district.node(), "duplicate code '" + d.code() + "'");
            }
            if (d != null) {
                districts.add(d);
            }
        }
        Map<String, String> aliases = aliases(city, districts);
        if (id == null || code == null || zh == null || en == null || zone == null || districts.isEmpty()) {
            return null;
        }
        return new CityProfile(id, code, zh, en, zone, districts, aliases, boundary);
    }

    private static ZoneId zone(YamlMap city) {
        String zone = city.string("zone", true);
        try {
            return zone == null ? null : ZoneId.of(zone);
        } catch (DateTimeException e) {
            city.problems().add(city.value("zone", true), "unknown time zone '" + zone + "'");
            return null;
        }
    }

    private static District district(YamlMap d) {
        String code = d.string("code", true);
        String zh = d.string("zh", true);
        String en = d.string("en", true);
        Double area = d.number("areaKm2", true);
        Double population = d.number("population", true);
        if (area != null && area < 0 || population != null && population < 0) {
            d.problems().add(d.node(), "area and population must not be negative");
            return null;
        }
        return code == null || zh == null || en == null || area == null || population == null ? null
                : new District(code, zh, en, area, population.longValue());
    }

    private static Map<String, String> aliases(YamlMap city, List<District> districts) {
        Map<String, String> aliases = new LinkedHashMap<>();
        YamlMap map = city.has("aliases") ? city.map("aliases", false) : null;
        if (map == null) {
            return aliases;
        }
        Set<String> codes = new HashSet<>(districts.stream().map(District::code).toList());
        for (String alias : map.keys()) {
            String code = map.string(alias, true);
            if (code != null && !codes.contains(code)) {
                map.problems().add(map.value(alias, true), "alias '" + alias + "' names unknown district '"
                        + code + "'");
            } else if (code != null) {
                aliases.put(alias, code);
            }
        }
        return aliases;
    }
}
