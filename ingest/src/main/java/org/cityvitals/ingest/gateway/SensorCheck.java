package org.cityvitals.ingest.gateway;

import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.RejectReason;

import java.util.Optional;

/** Whether a reading comes from a registered sensor that measures what the reading claims. */
@FunctionalInterface
interface SensorCheck {
    record Failure(String field, RejectReason reason, String detail) {
    }

    Optional<Failure> check(Reading reading);
}
