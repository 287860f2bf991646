package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.event.IncidentSource;

/**
 * One kind of case: source and category, its normal rate per district and hour (before the daily pattern), and how
 * long dispatch and resolution take, in minutes (uniform between the bounds; dispatch 0 means none: resolved on
 * the phone).
 */
record IncidentStream(IncidentSource source, String category, int priority, double perDistrictHour,
                      double nightShare, double dispatchMin, double dispatchMax, double resolveMin,
                      double resolveMax) {

    /** Rate multiplier for the hour: {@code nightShare} at night, rising to 1.2 by mid-afternoon. */
    double dailyFactor(CityClock clock) {
        return nightShare + (1.2 - nightShare) * clock.daytime();
    }

    IncidentStream withRate(double perHour) {
        return new IncidentStream(source, category, priority, perHour, 1, dispatchMin, dispatchMax, resolveMin,
                resolveMax);
    }

    IncidentStream withDispatch(double min, double max) {
        return new IncidentStream(source, category, priority, perDistrictHour, nightShare, min, max, resolveMin,
                resolveMax);
    }
}
