package org.cityvitals.jobs.window;

import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.sensor.SensorRegistry;

import java.util.HashMap;
import java.util.Map;

/**
 * How many sensors of each network are registered in each district: the denominator of the completeness (COVERAGE)
 * indicators. Only cities with a shipped sensor registry have one; elsewhere completeness is not computed.
 */
final class SensorCounts {

    private final Map<String, Integer> byDistrictAndNetwork = new HashMap<>();

    SensorCounts(SensorRegistry registry) {
        MetricRegistry metrics = MetricRegistry.loadDefault();
        for (Sensor sensor : registry.all()) {
            String network = metrics.byId(sensor.metric()).orElseThrow().network();
            byDistrictAndNetwork.merge(key(sensor.district(), network), 1, Integer::sum);
        }
    }

    static SensorCounts shipped() {
        return new SensorCounts(SensorRegistry.shanghai());
    }

    int registered(String district, String network) {
        return byDistrictAndNetwork.getOrDefault(key(district, network), 0);
    }

    private static String key(String district, String network) {
        return district + "/" + network;
    }
}
