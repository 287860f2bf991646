package org.cityvitals.indicators.catalogue;

/**
 * How a window of values becomes one indicator value. RATE is the change per hour between the first and last
 * reading of the window; RATIO is the percentage of readings inside the source's {@code within} range; P50/P90/P95
 * are percentiles; DISTINCT counts distinct sensors.
 */
public enum Aggregation {
    MEAN, MIN, MAX, SUM, COUNT, RATE, RATIO, P50, P90, P95, DISTINCT;

    /** True when the result has the unit of the values aggregated (a mean of µg/m³ is µg/m³). */
    public boolean keepsUnit() {
        return switch (this) {
            case MEAN, MIN, MAX, SUM, P50, P90, P95 -> true;
            case COUNT, RATE, RATIO, DISTINCT -> false;
        };
    }
}
