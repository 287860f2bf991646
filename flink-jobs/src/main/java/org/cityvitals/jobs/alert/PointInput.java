package org.cityvitals.jobs.alert;

import org.cityvitals.jobs.window.InstantReading;

/**
 * What reaches one series' alert engine at a point in time rather than once per window: a single reading for an
 * instant rule, or a person's resolve. Exactly one of the two is set. One type for the engine's second input,
 * because a keyed function takes two inputs and both of these are judged outside windows.
 */
public record PointInput(InstantReading reading, ManualResolve resolve) {

    public static PointInput ofReading(InstantReading reading) {
        return new PointInput(reading, null);
    }

    public static PointInput ofResolve(ManualResolve resolve) {
        return new PointInput(null, resolve);
    }

    public String seriesKey() {
        return reading != null ? reading.seriesKey() : resolve.seriesKey();
    }
}
