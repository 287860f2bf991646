package org.cityvitals.jobs.testing;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.JobOptions;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.VitalSignsJob;

import java.util.List;

/**
 * The production topology run to the end on a list of events with collecting sinks, on the MiniCluster of the test
 * JVM: what it stored, alerted and scored.
 */
public final class Topology {

    public final CollectingSink<IndicatorValue> values = new CollectingSink<>();
    public final CollectingSink<AlertEvent> alerts = new CollectingSink<>();
    public final CollectingSink<HealthScoreValue> health = new CollectingSink<>();
    public final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

    /** Runs the topology over {@code readings} and {@code incidents}; {@code flags} as on the command line. */
    public static Topology run(List<Reading> readings, List<Incident> incidents, String... flags) throws Exception {
        Topology t = new Topology();
        JobSettings settings = JobOptions.parse(flags);
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        new VitalSignsJob(settings, ListEvents.of(readings, incidents), new VitalSignsJob.Outputs(
                List.of(t.values), List.of(t.alerts), List.of(t.health), List.of(), List.of(),
                List.of(t.deadLetters))).build(env);
        env.execute("topology test");
        return t;
    }

    /** The newest version of each (indicator, area, window) that passes {@code indicatorId} and {@code area}. */
    public List<IndicatorValue> values(String indicatorId, String area) {
        return values.received().stream()
                .filter(v -> v.indicatorId().equals(indicatorId) && v.district().equals(area))
                .collect(java.util.stream.Collectors.toMap(IndicatorValue::windowStart, v -> v,
                        (a, b) -> a.version() >= b.version() ? a : b, java.util.TreeMap::new))
                .values().stream().toList();
    }
}
