package org.cityvitals.indicators.catalogue;

import org.cityvitals.indicators.level.Thresholds;

/**
 * The city-wide series of an indicator: how it is formed and its thresholds, or null {@code thresholds} when the
 * city value has no levels (a sum of district counts without city thresholds is shown, never judged).
 *
 * <p>A city value that is only the worst district's ({@link #mirrorsWorstDistrict}) repeats a district's level; it is
 * shown with that level but raises no alert of its own and does not count in the city's own indicators of the health
 * score, so one district at red is counted once, through its district score.
 */
public record CitySeries(CityAggregation aggregation, Thresholds thresholds) {

    public boolean computed() {
        return aggregation != CityAggregation.NONE;
    }

    public boolean judged() {
        return computed() && thresholds != null;
    }

    /** True when the city value is the worst district's value: a max or min over districts or over all sensors. */
    public boolean mirrorsWorstDistrict(Aggregation indicatorAggregation) {
        return switch (aggregation) {
            case MAX_OF_DISTRICTS, MIN_OF_DISTRICTS -> true;
            case POOLED -> indicatorAggregation == Aggregation.MAX || indicatorAggregation == Aggregation.MIN
                    || indicatorAggregation == Aggregation.RATE;
            default -> false;
        };
    }
}
