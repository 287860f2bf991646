package org.cityvitals.ingest.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Something that can play a scenario: the running simulator, as seen by the CLI and the gateway's REST call. */
public interface ScenarioInjector {

    /**
     * Starts {@code scenario} in {@code districts} (district codes of the simulated city) for {@code duration}.
     *
     * @return the simulated instant at which the scenario ends
     * @throws IllegalArgumentException naming an unknown district or a non-positive duration
     */
    Instant inject(Scenario scenario, Set<String> districts, Duration duration);
}
