package org.cityvitals.indicators.metric;

/**
 * A quantity sensors report, in its canonical {@code unit}, and the sensor {@code network} that reports it (air,
 * traffic, water …: the unit in which data quality is judged and feed stalls are detected). Values outside
 * {@code plausibleMin..plausibleMax} are physically possible at most in a sensor fault, so ingest marks such readings
 * suspect.
 */
public record Metric(String network, String id, String nameZh, String nameEn, String unit, double plausibleMin,
                     double plausibleMax) {

    public boolean isPlausible(double value) {
        return value >= plausibleMin && value <= plausibleMax;
    }
}
