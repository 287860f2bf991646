package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How the simulator runs. {@code city} is the simulated city profile (Shanghai unless {@link #inCity} says
 * otherwise); its sensors are {@code SensorRegistry.of(city)}. {@code eventsPerSecond} is the rate of sensor
 * readings (every registered sensor reports once per round, so a round lasts {@code sensors / eventsPerSecond}
 * seconds of event time); incidents come on top at the city's own rates. {@code start} is the event time of the first
 * round; with {@code realTime} the simulator paces itself to the wall clock (observedAt = now), otherwise it runs as
 * fast as it can.
 */
public record SimulatorConfig(long seed, double eventsPerSecond, Instant start, boolean realTime, CityProfile city) {

    public SimulatorConfig {
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("eventsPerSecond must be a positive number: " + eventsPerSecond);
        }
    }

    /** The demo: Shanghai in real time from now, at {@code eventsPerSecond}. */
    public static SimulatorConfig realTime(long seed, double eventsPerSecond) {
        return new SimulatorConfig(seed, eventsPerSecond, Instant.now().truncatedTo(ChronoUnit.SECONDS), true,
                CityProfiles.shanghai());
    }

    /** Shanghai in simulated time from {@code start}, as fast as possible (benchmarks, tests, back-filling). */
    public static SimulatorConfig simulated(long seed, double eventsPerSecond, Instant start) {
        return new SimulatorConfig(seed, eventsPerSecond, start, false, CityProfiles.shanghai());
    }

    /** The same run in another city. */
    public SimulatorConfig inCity(CityProfile other) {
        return new SimulatorConfig(seed, eventsPerSecond, start, realTime, other);
    }
}
