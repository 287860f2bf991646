package org.cityvitals.indicators.catalogue;

/**
 * Windowed alert rules an indicator can carry; the catalogue lists them per indicator. No-data alerts follow from
 * {@link WhenSilent#NO_DATA}, instant alerts from the indicator's {@code instant} flag.
 */
public enum AlertRule {
    LEVEL, RATE_OF_CHANGE, ANOMALY
}
