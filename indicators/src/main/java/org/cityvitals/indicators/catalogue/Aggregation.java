package org.cityvitals.indicators.catalogue;

/**
 * How a window of values becomes one indicator value. RATE is each sensor's change per hour between its first and
 * last reading of the window, and the indicator takes the worst sensor's (the steepest rise when higher is worse):
 * readings of different sensors are never subtracted from each other. RATIO is the percentage of readings inside the
 * source's {@code within} range; P50/P90/P95 are exact nearest-rank percentiles; DISTINCT counts distinct sensors;
 * COVERAGE is the percentage of the area's registered sensors that sent a sample; AGE is the minutes from the newest
 * sample to the end of the window.
 */
public enum Aggregation {
    MEAN, MIN, MAX, SUM, COUNT, RATE, RATIO, P50, P90, P95, DISTINCT, COVERAGE, AGE;

    /** True when the result has the unit of the values aggregated (a mean of µg/m³ is µg/m³). */
    public boolean keepsUnit() {
        return switch (this) {
            case MEAN, MIN, MAX, SUM, P50, P90, P95 -> true;
            case COUNT, RATE, RATIO, DISTINCT, COVERAGE, AGE -> false;
        };
    }

    public boolean percentile() {
        return this == P50 || this == P90 || this == P95;
    }
}
