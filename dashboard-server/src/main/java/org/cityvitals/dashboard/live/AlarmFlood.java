package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Alarm-flood detection after ISA-18.2: more than {@value #THRESHOLD} alerts opened within {@link #WINDOW} in what
 * one operator sees is a flood, which a screen answers by grouping alerts by rule and indicator instead of listing
 * them one by one. Counted per scope because a dispatcher's flood is not the operations centre's. Openings are
 * counted by event time, so a restart's catch-up replay rebuilds the window, and by alert id, so repeats count once.
 * Only live operations alerts count: the platform's own alarms and backfilled history never flood a district.
 * Confined to one event loop: not thread-safe.
 */
public final class AlarmFlood {

    public static final int THRESHOLD = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final Map<String, AlertEvent> recentOpenings = new HashMap<>();

    /** What one scope sees: whether it is flooded, how many alerts opened in the window, and the groups. */
    public record State(boolean active, int opened, int threshold, long windowMinutes, List<Group> groups) {}

    /** The openings of one rule on one indicator in the window, with their districts. */
    public record Group(String rule, String indicatorId, int count, List<String> districts) {}

    /** Notes an alert transition; only openings count. Forgets old ones here too, screens or not. */
    public void observe(AlertEvent event) {
        if (event.kind() == AlertKind.OPENED && event.pushedLive() && event.audience() == AlertAudience.OPERATIONS) {
            recentOpenings.put(event.alertId(), event);
            Instant since = event.eventTime().minus(WINDOW);
            recentOpenings.values().removeIf(e -> e.eventTime().isBefore(since));
        }
    }

    /** The flood state of {@code scope} at {@code now}, forgetting openings that left the window. */
    public State state(AccessScope scope, Instant now) {
        return state(scope, now, alertId -> false);
    }

    /** The same, leaving out alerts another cause explains (suppressed by an inhibition). */
    public State state(AccessScope scope, Instant now, Predicate<String> explained) {
        Instant since = now.minus(WINDOW);
        recentOpenings.values().removeIf(e -> e.eventTime().isBefore(since));
        List<AlertEvent> seen = recentOpenings.values().stream()
                .filter(e -> scope.allows(e.district()) && !explained.test(e.alertId())).toList();
        List<Group> groups = seen.stream()
                .collect(Collectors.groupingBy(e -> List.of(e.rule(), e.indicatorId())))
                .values().stream()
                .map(AlarmFlood::group)
                .sorted(Comparator.comparingInt(Group::count).reversed()
                        .thenComparing(Group::rule).thenComparing(Group::indicatorId))
                .toList();
        return new State(seen.size() > THRESHOLD, seen.size(), THRESHOLD, WINDOW.toMinutes(), groups);
    }

    private static Group group(List<AlertEvent> openings) {
        AlertEvent first = openings.get(0);
        return new Group(first.rule(), first.indicatorId(), openings.size(),
                List.copyOf(openings.stream().map(AlertEvent::district).collect(Collectors.toCollection(TreeSet::new))));
    }
}
