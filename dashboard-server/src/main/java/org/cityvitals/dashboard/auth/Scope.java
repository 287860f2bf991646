package org.cityvitals.dashboard.auth;

import java.util.List;
import java.util.Set;

/**
 * The districts a user may see. The operations centre sees everything, including city-wide aggregates; a district
 * dispatcher sees only the district codes listed for them.
 */
public record Scope(boolean everything, Set<String> districts) {

    /** The wildcard that grants every district and the city-wide values in a users file. */
    public static final String ALL = "*";

    public Scope {
        districts = Set.copyOf(districts);
    }

    public static Scope of(List<String> entries) {
        return entries.contains(ALL) ? new Scope(true, Set.of()) : new Scope(false, Set.copyOf(entries));
    }

    public boolean allows(String district) {
        return everything || districts.contains(district);
    }
}
