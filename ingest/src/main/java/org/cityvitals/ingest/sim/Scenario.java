package org.cityvitals.ingest.sim;

import java.util.Arrays;
import org.cityvitals.indicators.WireNames;
import java.util.Optional;

/** Disturbances the simulator can play in chosen districts for a chosen time. */
public enum Scenario {
    RAINSTORM_FLOODING,
    POLLUTION_EPISODE,
    RUSH_HOUR_GRIDLOCK,
    WATER_MAIN_BURST,
    POWER_OUTAGE,
    HOTLINE_SURGE;

    /** Wire name, e.g. {@code rainstorm_flooding}. */
    public String code() {
        return WireNames.of(this);
    }

    public static Optional<Scenario> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    /** @throws IllegalArgumentException naming the known scenarios when {@code code} is none of them */
    public static Scenario parse(String code) {
        return WireNames.parse(Scenario.class, code);
    }
}
