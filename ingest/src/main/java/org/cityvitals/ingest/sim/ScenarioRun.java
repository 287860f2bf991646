package org.cityvitals.ingest.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** One injected scenario: which, where, and the event-time span it is active in. */
record ScenarioRun(Scenario scenario, Set<String> districts, Instant start, Instant end) {

    boolean activeIn(String district, Instant at) {
        return !at.isBefore(start) && at.isBefore(end) && districts.contains(district);
    }

    double hoursSinceStart(Instant at) {
        return Duration.between(start, at).toMillis() / 3_600_000.0;
    }
}
