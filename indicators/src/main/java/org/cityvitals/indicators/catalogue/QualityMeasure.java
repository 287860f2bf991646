package org.cityvitals.indicators.catalogue;

/**
 * What a data-quality indicator measures about one sensor network in one area. COMPLETENESS: the share of the
 * registered sensors that sent at least one valid reading in the window (%); FRESHNESS: minutes from the newest valid
 * reading to the end of the window; REJECTED: readings that could not be used (marked suspect or bad) in the window.
 */
public enum QualityMeasure {
    COMPLETENESS, FRESHNESS, REJECTED
}
