package org.cityvitals.indicators.catalogue;

import org.cityvitals.indicators.level.Level;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What happens to a situation of one of {@code levels} in one of {@code districts} (empty: every district) that
 * nobody acknowledges: after each step's delay, counted from the situation's opening, it escalates to whoever is on
 * the step's duty roster; once acknowledged but not resolved, the people already notified are notified again every
 * {@code renotify} (null: never).
 */
public record EscalationPolicy(Set<Level> levels, Set<String> districts, List<Step> steps, Duration renotify) {

    public EscalationPolicy {
        levels = Set.copyOf(levels);
        districts = Set.copyOf(districts);
        steps = List.copyOf(steps);
    }

    /** After {@code after} without acknowledgement, to whoever is on the {@code duty} roster (e.g. district_chief). */
    public record Step(Duration after, String duty) {}

    /** Whether the policy covers every district (a default), rather than naming some. */
    public boolean everyDistrict() {
        return districts.isEmpty();
    }

    public boolean covers(Level level, String district) {
        return levels.contains(level) && (districts.isEmpty() || districts.contains(district));
    }
}
