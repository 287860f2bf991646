package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.level.Level;

/**
 * What the alert engine remembers for one (indicator, district): the open alert, if any, and a level change that
 * has started but not yet held for the indicator's for-duration. A POJO so Flink serialises it without Kryo.
 */
public class AlertState {
    /** Null while no alert is open. */
    public String alertId;
    public int version;
    public Level level = Level.NORMAL;
    /** The level the values point to while it has not held long enough; null when there is none. */
    public Level pendingLevel;
    public long pendingSince;
    public long lastWindowEnd = Long.MIN_VALUE;

    boolean idle() {
        return alertId == null && pendingLevel == null;
    }
}
