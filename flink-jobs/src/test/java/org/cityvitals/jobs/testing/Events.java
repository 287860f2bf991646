package org.cityvitals.jobs.testing;

import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.MetricRegistry;

import java.time.Instant;

/** Readings and incident stages for tests, in the data standard's canonical units. */
public final class Events {

    private Events() {}

    public static Reading reading(String metric, String sensor, String district, Instant at, double value) {
        return reading(metric, sensor, district, at, value, Quality.GOOD);
    }

    public static Reading reading(String metric, String sensor, String district, Instant at, double value,
                                  Quality quality) {
        String unit = MetricRegistry.loadDefault().byId(metric).orElseThrow().unit();
        return new Reading(sensor, metric, value, unit, at, district, null, null, quality);
    }

    public static Incident reported(String id, IncidentSource source, String category, String district,
                                    Instant reportedAt) {
        return new Incident(id, source, category, null, district, 3, IncidentStatus.REPORTED, reportedAt, null, null,
                null, null);
    }

    public static Incident dispatched(Incident reported, Instant dispatchedAt) {
        return new Incident(reported.id(), reported.source(), reported.category(), null, reported.district(), 3,
                IncidentStatus.DISPATCHED, reported.reportedAt(), dispatchedAt, null, null, null);
    }

    public static Incident resolved(Incident reported, Instant dispatchedAt, Instant resolvedAt) {
        return new Incident(reported.id(), reported.source(), reported.category(), null, reported.district(), 3,
                IncidentStatus.RESOLVED, reported.reportedAt(), dispatchedAt, resolvedAt, null, null);
    }
}
