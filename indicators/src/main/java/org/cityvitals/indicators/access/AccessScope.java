package org.cityvitals.indicators.access;

import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;

import java.util.Set;

/**
 * The areas a user may see, with cities as tenants: a user is bound to their cities (one, unless an admin gives
 * more), and within them to every district ({@code allDistricts}, which also opens the city-wide series keyed by the
 * city's own code) or to the listed district codes. Nothing of another city is ever in scope.
 */
public record AccessScope(Set<String> cityIds, boolean allDistricts, Set<String> districts) {

    public AccessScope {
        cityIds = Set.copyOf(cityIds);
        districts = Set.copyOf(districts);
        if (cityIds.isEmpty()) {
            throw new IllegalArgumentException("a scope needs at least one city");
        }
        for (String district : districts) {
            CityProfile city = CityProfiles.ofArea(district);
            if (!cityIds.contains(city.id()) || CityProfiles.isCityCode(district)) {
                throw new IllegalArgumentException("district " + district + " is not a district of "
                        + String.join(" or ", cityIds));
            }
        }
    }

    /** Whether the area (a district code or a city's own code) is in scope; unknown codes never are. */
    public boolean allows(String areaCode) {
        CityProfile city;
        try {
            city = CityProfiles.ofArea(areaCode);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
        if (!cityIds.contains(city.id())) {
            return false;
        }
        return allDistricts || districts.contains(areaCode);
    }

    /** Whether the scope holds every district of {@code city} and its city-wide series. */
    public boolean coversCity(CityProfile city) {
        return allDistricts && cityIds.contains(city.id());
    }
}
