package org.cityvitals.ingest.sim;

import picocli.CommandLine.Option;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --scenario NAME --districts CODE,…}: which scenario, where; the same on {@code scenario} (into a running
 * demo) and {@code simulate} (from the start).
 */
public class ScenarioTarget {

    @Option(names = "--scenario", required = true, paramLabel = "NAME",
            description = "rainstorm_flooding, pollution_episode, rush_hour_gridlock, water_main_burst, power_outage "
                    + "or hotline_surge")
    private String name;

    @Option(names = "--districts", required = true, split = ",", paramLabel = "CODE",
            description = "its district codes, e.g. 310101,310104")
    private List<String> districts;

    /** The scenario; an unknown name fails with the known ones. */
    public Scenario scenario() {
        return Scenario.parse(name);
    }

    /** The districts in the order given, each once. */
    public Set<String> districts() {
        return new LinkedHashSet<>(districts);
    }
}
