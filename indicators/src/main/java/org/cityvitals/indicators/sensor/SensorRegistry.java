package org.cityvitals.indicators.sensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.Metric;
import org.cityvitals.indicators.metric.MetricRegistry;

/**
 * Sensor id → metric, district, location and unit, read from a CSV file with the header
 * {@value #HEADER}. Policy for readings from sensors not in the registry: they are rejected with reason
 * {@value #UNKNOWN_SENSOR} (ingest dead-letters them) and counted, so a new sensor shows up as a rising count
 * rather than as silent data in an unknown place. The count is per registry instance.
 */
public final class SensorRegistry {
    public static final String HEADER = "sensorId,metric,district,lat,lon,unit";
    public static final String UNKNOWN_SENSOR = "unknown_sensor";
    public static final String METRIC_MISMATCH = "metric_mismatch";
    public static final String DISTRICT_MISMATCH = "district_mismatch";
    static final String SHANGHAI_RESOURCE = "sensors/shanghai.csv";

    private final Map<String, Sensor> byId;
    private final LongAdder unknownLookups = new LongAdder();

    private SensorRegistry(Map<String, Sensor> byId) {
        this.byId = byId;
    }

    /** The shipped Shanghai registry: one sensor per catalogue metric in each of the 16 districts. */
    public static SensorRegistry shanghai() {
        try (InputStream in = Objects.requireNonNull(
                SensorRegistry.class.getClassLoader().getResourceAsStream(SHANGHAI_RESOURCE), SHANGHAI_RESOURCE)) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), SHANGHAI_RESOURCE,
                    CityProfiles.shanghai());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a registry for {@code city}. @throws IllegalArgumentException listing every problem as
     * {@code file:line: problem} (unknown metric or district, unit not canonical, bad coordinates, duplicate id)
     */
    public static SensorRegistry parse(Reader reader, String file, CityProfile city) throws IOException {
        MetricRegistry metrics = MetricRegistry.loadDefault();
        Map<String, Sensor> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (!HEADER.equals(header)) {
            problems.add(file + ":1: header must be " + HEADER);
        }
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String problem = problem(line.split(",", -1), metrics, city, byId);
            if (problem != null) {
                problems.add(file + ":" + lineNumber + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new SensorRegistry(byId);
    }

    /** Adds the row's sensor to {@code byId}, or says why it cannot. */
    private static String problem(String[] f, MetricRegistry metrics, CityProfile city, Map<String, Sensor> byId) {
        if (f.length != 6) {
            return "expected 6 fields, found " + f.length;
        }
        Optional<Metric> metric = metrics.byId(f[1]);
        if (metric.isEmpty()) {
            return "unknown metric '" + f[1] + "'";
        }
        if (city.district(f[2]).isEmpty()) {
            return "unknown district '" + f[2] + "' in " + city.id();
        }
        if (!metric.get().unit().equals(f[5])) {
            return "unit '" + f[5] + "' is not the canonical unit of " + f[1] + " (" + metric.get().unit() + ")";
        }
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(f[3]);
            lon = Double.parseDouble(f[4]);
        } catch (NumberFormatException e) {
            return "lat and lon must be numbers";
        }
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return "lat/lon out of range";
        }
        if (byId.putIfAbsent(f[0], new Sensor(f[0], f[1], f[2], lat, lon, f[5])) != null) {
            return "duplicate sensor id '" + f[0] + "'";
        }
        return null;
    }

    public List<Sensor> all() {
        return List.copyOf(byId.values());
    }

    /** The sensor, or empty (and counted) when the registry does not know it. */
    public Optional<Sensor> lookup(String sensorId) {
        Sensor sensor = byId.get(sensorId);
        if (sensor == null) {
            unknownLookups.increment();
        }
        return Optional.ofNullable(sensor);
    }

    /** Lookups of unknown sensor ids so far. */
    public long unknownLookups() {
        return unknownLookups.sum();
    }

    /**
     * Why ingest must reject {@code reading}: {@value #UNKNOWN_SENSOR}, {@value #METRIC_MISMATCH} (the sensor does
     * not measure that metric) or {@value #DISTRICT_MISMATCH}; empty when it is consistent with the registry.
     */
    public Optional<String> rejectionReason(Reading reading) {
        Optional<Sensor> sensor = lookup(reading.sensorId());
        if (sensor.isEmpty()) {
            return Optional.of(UNKNOWN_SENSOR);
        }
        if (!sensor.get().metric().equals(reading.metric())) {
            return Optional.of(METRIC_MISMATCH);
        }
        return sensor.get().district().equals(reading.district()) ? Optional.empty()
                : Optional.of(DISTRICT_MISMATCH);
    }
}
