package org.cityvitals.launcher.bench;

import org.cityvitals.jobs.alert.LevelRule;

import java.time.Instant;

/**
 * Instant-alert latency, end to end on real components ({@link LatencyRig}): the simulated Shanghai publishes
 * ordinary readings at a steady wall-clock rate (10,000 events/s); trigger readings of each district's gas sensor at
 * 30 %LEL (yellow is 25, orange 50) open a {@code gas.leak_lel} episode through the instant rule, and the next
 * 1-minute window of ordinary readings (under 5 %LEL, below the 10 − 2 hysteresis) resolves it, so each trigger
 * opens a new episode. Printed per run: p50/p95/p99/max of (the opening frame's arrival at the screen − the
 * trigger's append to Kafka), and the median of each over the runs.
 *
 * <p>The instant path does not wait for windows or watermarks; the rig's accelerated event time ({@code SPEED})
 * only lets a district's episode resolve in seconds instead of two minutes.
 *
 * <p>{@code InstantAlertLatencyBench [ALERTS_PER_RUN=1000] [RUNS=3] [SPEED=30] [EVENTS_PER_SECOND=10000]}
 */
public final class InstantAlertLatencyBench {

    private static final String INDICATOR = "gas.leak_lel";
    private static final String METRIC = "gas_lel";
    private static final double TRIGGER_LEL = 30;

    private InstantAlertLatencyBench() {}

    public static void main(String[] args) {
        LatencyRig.main(args, a -> run(a.alertsPerRun(), a.runs(), a.speed(), a.eventsPerSecond()));
    }

    private static void run(int alertsPerRun, int runs, double speed, double eventsPerSecond) throws Exception {
        try (LatencyRig rig = LatencyRig.start("cityvitals-instant-bench", eventsPerSecond, speed)) {
            InstantTriggers triggers = new InstantTriggers(rig.bootstrap(), LatencyRig.sensorPerDistrict(METRIC),
                    TRIGGER_LEL, rig.city::eventTimeNow);
            rig.watch(INDICATOR, LevelRule.RULE, triggers);
            System.out.printf("%s episodes at %.0f events/s, event time at %.0f× the wall clock; latency = the "
                    + "opening frame's arrival at the screen − the trigger's append to Kafka%n", INDICATOR,
                    eventsPerSecond, speed);
            rig.measureRuns(triggers, alertsPerRun, runs);
        }
    }
}
