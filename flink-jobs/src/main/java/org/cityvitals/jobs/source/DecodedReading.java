package org.cityvitals.jobs.source;

import org.cityvitals.indicators.event.Reading;

/**
 * A Kafka record after strict decoding: either a {@link Reading}, or the raw payload with the reasons it was
 * refused (which goes to the dead-letter topic, never silently away).
 */
public record DecodedReading(Reading reading, String rawPayload, String problems, long kafkaTimestamp) {

    public boolean ok() {
        return reading != null;
    }
}
