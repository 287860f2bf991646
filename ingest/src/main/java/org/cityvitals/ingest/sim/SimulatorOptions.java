package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import picocli.CommandLine.Option;

/**
 * {@code --city}, {@code --rate} and {@code --seed}: the real-time simulator's flags, the same on {@code simulate}
 * and on {@code demo} ({@code @Mixin SimulatorOptions simulator;}).
 */
public final class SimulatorOptions {

    @Option(names = "--city", paramLabel = "ID", defaultValue = CityProfiles.DEFAULT_ID,
            description = "city profile: shanghai, beijing, boston, new-york, aarhus, tetouan, i94 (default: "
                    + "${DEFAULT-VALUE}); every city is a tenant: its own series, health, map and users")
    private String cityId;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "400",
            description = "sensor readings per second; incidents come on top (default: ${DEFAULT-VALUE})")
    private double rate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "random seed: the same seed gives the same city (default: ${DEFAULT-VALUE})")
    private long seed;

    /** The simulated city; an unknown id fails with the known ones. */
    public CityProfile city() {
        return CityProfiles.byId(cityId);
    }

    /**
     * The simulator the flags describe, in real time from now.
     * @throws IllegalArgumentException for an unknown city or a rate that is not a positive number
     */
    public SimulatorConfig realTime() {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("--rate needs a positive number, got " + rate);
        }
        return SimulatorConfig.realTime(seed, rate).inCity(city());
    }
}
