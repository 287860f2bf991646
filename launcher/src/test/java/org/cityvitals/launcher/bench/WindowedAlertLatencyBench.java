package org.cityvitals.launcher.bench;

import org.cityvitals.jobs.alert.LevelRule;

import java.time.Duration;

/**
 * Windowed-alert latency, end to end on real components ({@link LatencyRig}): the simulated Shanghai publishes
 * ordinary readings at a steady wall-clock rate (10,000 events/s); a burst of 800 µg/m³ readings (red is 250) from
 * a district's PM2.5 sensor lifts that district's 1-minute mean of {@code air.pm25} (a level rule on the window, no
 * instant rule) above a level, and the episode opens when the window closes; the next window of ordinary readings
 * (≈ 40 µg/m³, below the 75 − 5 hysteresis) resolves it. Latency = the opening frame's arrival at the screen − the
 * moment the window could close at the earliest: when the city published readings of event time window end + the
 * 5 s out-of-orderness bound (see {@link WindowTriggers}). Printed per run: p50/p95/p99/max, and the median of each
 * over the runs.
 *
 * <p>The window's own length and the out-of-orderness bound are not in the figure: they are the rule's definition
 * (a 1-minute mean) and the platform's choice of how long to wait for late readings, both in event time. With event
 * time at {@code SPEED}× the wall clock they pass 30 times faster here, which the figure does not depend on.
 *
 * <p>{@code WindowedAlertLatencyBench [ALERTS_PER_RUN=1000] [RUNS=3] [SPEED=30] [EVENTS_PER_SECOND=10000]}
 */
public final class WindowedAlertLatencyBench {

    private static final String INDICATOR = "air.pm25";
    private static final String METRIC = "pm25";
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final double BURST_VALUE = 800;

    private WindowedAlertLatencyBench() {}

    public static void main(String[] args) {
        LatencyRig.main(args, a -> run(a.alertsPerRun(), a.runs(), a.speed(), a.eventsPerSecond()));
    }

    private static void run(int alertsPerRun, int runs, double speed, double eventsPerSecond) throws Exception {
        try (LatencyRig rig = LatencyRig.start("cityvitals-windowed-bench", eventsPerSecond, speed)) {
            WindowTriggers triggers = new WindowTriggers(rig.bootstrap(), LatencyRig.sensorPerDistrict(METRIC),
                    BURST_VALUE, WINDOW, LatencyRig.OUT_OF_ORDERNESS, rig.city);
            rig.watch(INDICATOR, LevelRule.RULE, triggers);
            System.out.printf("%s episodes at %.0f events/s, event time at %.0f× the wall clock; latency = the "
                    + "opening frame's arrival at the screen − the city's publishing of window end + %d s%n",
                    INDICATOR, eventsPerSecond, speed, LatencyRig.OUT_OF_ORDERNESS.toSeconds());
            rig.measureRuns(triggers, alertsPerRun, runs);
        }
    }
}
