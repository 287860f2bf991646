package org.cityvitals.indicators.catalogue;

/**
 * How an indicator's city-wide value is formed. {@code POOLED} applies the indicator's own aggregation to every sample
 * of the city (the mean over all of the city's sensors, the p90 over all of its cases); the others combine the
 * district values of the same window. City series of a sum are on another scale than district ones, so
 * {@code SUM_OF_DISTRICTS} has levels only when the catalogue gives the city its own thresholds.
 */
public enum CityAggregation {
    POOLED, SUM_OF_DISTRICTS, MEAN_OF_DISTRICTS, MAX_OF_DISTRICTS, MIN_OF_DISTRICTS, NONE
}
