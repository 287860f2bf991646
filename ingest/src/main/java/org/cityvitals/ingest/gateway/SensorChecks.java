package org.cityvitals.ingest.gateway;

import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.ingest.source.RejectReason;

/** The sensor check backed by the data standard's sensor registry and its rejection policy. */
final class SensorChecks {
    private SensorChecks() {
    }

    static SensorCheck of(SensorRegistry registry) {
        return reading -> registry.rejectionReason(reading).map(code -> switch (code) {
            case SensorRegistry.UNKNOWN_SENSOR -> new SensorCheck.Failure("sensorId", RejectReason.UNKNOWN_SENSOR,
                    "sensor '" + reading.sensorId() + "' is not registered");
            case SensorRegistry.METRIC_MISMATCH -> new SensorCheck.Failure("metric", RejectReason.METRIC_MISMATCH,
                    "sensor '" + reading.sensorId() + "' does not measure " + reading.metric());
            case SensorRegistry.DISTRICT_MISMATCH -> new SensorCheck.Failure("district",
                    RejectReason.DISTRICT_MISMATCH, "sensor '" + reading.sensorId() + "' is not in district "
                    + reading.district());
            default -> new SensorCheck.Failure("sensorId", RejectReason.SCHEMA_VIOLATION, code);
        });
    }

    /** The shipped Shanghai registry. */
    static SensorCheck shipped() {
        return of(SensorRegistry.shanghai());
    }
}
