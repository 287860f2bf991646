package org.cityvitals.indicators.metric;

/**
 * A quantity sensors report, in its canonical {@code unit}. Values outside {@code plausibleMin..plausibleMax} are
 * physically possible at most in a sensor fault, so ingest marks such readings suspect.
 */
public record Metric(String id, String nameZh, String nameEn, String unit, double plausibleMin, double plausibleMax) {

    public boolean isPlausible(double value) {
        return value >= plausibleMin && value <= plausibleMax;
    }
}
