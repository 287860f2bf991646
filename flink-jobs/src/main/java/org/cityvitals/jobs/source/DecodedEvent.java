package org.cityvitals.jobs.source;

import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;

/**
 * A Kafka record after strict decoding: a {@link Reading}, an {@link Incident}, or the raw payload with the
 * reasons it was refused (which becomes a dead letter, never silently lost). Exactly one of the three is set.
 */
public record DecodedEvent(Reading reading, Incident incident, String topic, String rawPayload, String problems,
                           long kafkaTimestamp) {

    public boolean ok() {
        return reading != null || incident != null;
    }

    /** Event time: when the reading was observed, or when the incident reached the stage it reports. */
    public long eventTime() {
        if (reading != null) {
            return reading.observedAt().toEpochMilli();
        }
        if (incident != null) {
            return switch (incident.status()) {
                case REPORTED -> incident.reportedAt().toEpochMilli();
                case DISPATCHED -> incident.dispatchedAt().toEpochMilli();
                case RESOLVED -> incident.resolvedAt().toEpochMilli();
            };
        }
        return kafkaTimestamp;
    }
}
