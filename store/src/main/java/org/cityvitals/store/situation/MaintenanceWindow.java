package org.cityvitals.store.situation;

import java.time.Instant;

/**
 * Planned work that silences the alerts it explains whose condition began in [{@code from}, {@code to}):
 * {@code kind} {@code sensor}, {@code network} or {@code source}; {@code target} the sensor id, network or incident
 * source; {@code area} the district, or a city's code for a source worked on city-wide. {@code version} grows when
 * the window is changed (ended early), so the newest row wins.
 */
public record MaintenanceWindow(String windowId, String kind, String target, String area, Instant from, Instant to,
                                String reason, String declaredBy, Instant declaredAt, int version) {

    /** Whether the work is going on at {@code now}. */
    public boolean activeAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(to);
    }

    /** Whether a condition that began at {@code since} began during the work. */
    public boolean covers(Instant since) {
        return activeAt(since);
    }
}
