package org.cityvitals.ingest.gateway;

import org.cityvitals.indicators.sensor.SensorRegistry;

/** The sensor check backed by the data standard's sensor registry and its rejection policy. */
final class SensorChecks {
    private SensorChecks() {
    }

    static SensorCheck of(SensorRegistry registry) {
        return reading -> registry.rejectionReason(reading).map(reason -> switch (reason) {
            case METRIC_MISMATCH -> new SensorCheck.Failure("metric", reason,
                    "sensor '" + reading.sensorId() + "' does not measure " + reading.metric());
            case DISTRICT_MISMATCH -> new SensorCheck.Failure("district", reason,
                    "sensor '" + reading.sensorId() + "' is not in district " + reading.district());
            default -> new SensorCheck.Failure("sensorId", reason,
                    "sensor '" + reading.sensorId() + "' is not registered");
        });
    }

    /** The registries of every shipped city. */
    static SensorCheck shipped() {
        return of(SensorRegistry.allCities());
    }
}
