package org.cityvitals.ingest.source;

import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.sensor.Sensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sensors an adapter's readings come from, as the adapter defined them (id, metric, district, location, unit):
 * the registry extension a replay carries in its result, so that its sensors are known wherever its records are
 * judged. The first reading of a sensor defines it.
 */
final class SensorLog {
    private final Map<String, Sensor> byId = new LinkedHashMap<>();

    void record(Reading reading) {
        if (!byId.containsKey(reading.sensorId())) {
            byId.put(reading.sensorId(), new Sensor(reading.sensorId(), reading.metric(), reading.district(),
                    reading.lat(), reading.lon(), reading.unit()));
        }
    }

    List<Sensor> all() {
        return List.copyOf(byId.values());
    }
}
