package org.cityvitals.indicators.event;

import org.cityvitals.indicators.Fields;

import java.time.Instant;

/**
 * A case from the 12345 hotline, a 110/119/120 call or a utility fault report. {@code priority} runs from
 * {@value #MOST_URGENT} (most urgent) to {@value #LEAST_URGENT}. {@code subcategory}, {@code dispatchedAt},
 * {@code resolvedAt}, {@code lat} and {@code lon} may be null; lat and lon come together.
 */
public record Incident(String id, IncidentSource source, String category, String subcategory, String district,
                       int priority, IncidentStatus status, Instant reportedAt, Instant dispatchedAt,
                       Instant resolvedAt, Double lat, Double lon) {

    public static final int MOST_URGENT = 1;
    public static final int LEAST_URGENT = 4;

    public Incident {
        Fields.required("id", id, "source", source, "category", category, "district", district, "status", status,
                "reportedAt", reportedAt);
        if (priority < MOST_URGENT || priority > LEAST_URGENT) {
            throw new IllegalArgumentException("priority must be 1..4: " + priority);
        }
        Fields.together("lat", lat, "lon", lon);
    }
}
