package org.cityvitals.jobs.window;

import org.cityvitals.indicators.catalogue.IncidentMeasure;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;

import java.time.Duration;

/** An indicator's value from a window's accumulator: the aggregation, and new cases scaled to one hour. */
final class Values {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private Values() {}

    static double of(IndicatorDefinition d, Accumulator window, long windowEnd, int registered) {
        double value = window.result(d.aggregation(), windowEnd, registered, d.direction());
        boolean perHour = d.source().isIncidents() && d.source().measure() == IncidentMeasure.NEW_PER_HOUR;
        return perHour ? value * HOUR / d.window().size().toMillis() : value;
    }
}
