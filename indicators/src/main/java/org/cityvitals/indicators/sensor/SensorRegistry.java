package org.cityvitals.indicators.sensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.Metric;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.signal.RejectReason;

/**
 * Sensor id → metric, district, location and unit. Policy for readings from sensors not in the registry: they are
 * rejected with {@link RejectReason#UNKNOWN_SENSOR} (ingest dead-letters and counts them by reason), so a new sensor
 * shows up as a rising count rather than as silent data in an unknown place.
 *
 * <p>Shanghai's registry is the shipped file {@value #SHANGHAI_RESOURCE} (header {@value #HEADER}); every other
 * city gets the standard kit ({@link #standardKit}). A replay that creates sensors of its own (a bring-your-own
 * series) carries them as an extension ({@link #with}) in its result, next to the records it published.
 */
public final class SensorRegistry {
    public static final String HEADER = "sensorId,metric,district,lat,lon,unit";
    static final String SHANGHAI_RESOURCE = "sensors/shanghai.csv";

    private final Map<String, Sensor> byId;

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

    /** The registry of {@code city}: the shipped file for Shanghai, the standard kit elsewhere. */
    public static SensorRegistry of(CityProfile city) {
        return city.id().equals(CityProfiles.DEFAULT_ID) ? shanghai() : standardKit(city);
    }

    /** The registries of every shipped city in one: the gateway serves them all. */
    public static SensorRegistry allCities() {
        Map<String, Sensor> byId = new LinkedHashMap<>();
        CityProfiles.all().forEach(city -> of(city).all().forEach(s -> byId.put(s.id(), s)));
        return new SensorRegistry(byId);
    }

    /**
     * One sensor per catalogue metric (except {@link MetricRegistry#GENERIC}, which no city is equipped with) in
     * every district of {@code city}, reporting in the canonical unit, at the district's centroid when the city has a
     * boundary file and without a location otherwise. Ids are {@code CITY-DISTRICT-METRIC-01}, e.g.
     * {@code beijing-110101-pm25-01}.
     */
    public static SensorRegistry standardKit(CityProfile city) {
        MetricRegistry metrics = MetricRegistry.loadDefault();
        Set<String> kit = new TreeSet<>();
        IndicatorCatalogue.loadDefault().all().stream().filter(i -> i.source().isMetric())
                .map(i -> i.source().metric()).filter(m -> !m.equals(MetricRegistry.GENERIC)).forEach(kit::add);
        Map<String, DistrictCentroids.Point> centroids = DistrictCentroids.of(city);
        Map<String, Sensor> byId = new LinkedHashMap<>();
        for (District district : city.districts()) {
            DistrictCentroids.Point at = centroids.get(district.code());
            for (String metric : kit) {
                String id = city.id() + "-" + district.code() + "-" + metric + "-01";
                byId.put(id, new Sensor(id, metric, district.code(), at == null ? null : at.lat(),
                        at == null ? null : at.lon(), metrics.byId(metric).orElseThrow().unit()));
            }
        }
        return new SensorRegistry(byId);
    }

    /**
     * Reads a registry for {@code city}. @throws IllegalArgumentException listing every problem as
     * {@code file:line: problem} (unknown metric or district, unit not canonical, bad coordinates, duplicate id)
     */
    public static SensorRegistry parse(Reader reader, String file, CityProfile city) throws IOException {
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
            String problem = problem(line.split(",", -1), city, byId);
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
    private static String problem(String[] f, CityProfile city, Map<String, Sensor> byId) {
        if (f.length != 6) {
            return "expected 6 fields, found " + f.length;
        }
        if (city.district(f[2]).isEmpty()) {
            return "unknown district '" + f[2] + "' in " + city.id();
        }
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(f[3]);
            lon = Double.parseDouble(f[4]);
        } catch (NumberFormatException e) {
            return "lat and lon must be numbers";
        }
        Sensor sensor = new Sensor(f[0], f[1], f[2], lat, lon, f[5]);
        String problem = definitionProblem(sensor);
        if (problem != null) {
            return problem;
        }
        return byId.putIfAbsent(f[0], sensor) != null ? "duplicate sensor id '" + f[0] + "'" : null;
    }

    /** What is wrong with a sensor's own definition (metric, unit, location), or null. */
    private static String definitionProblem(Sensor s) {
        Optional<Metric> metric = MetricRegistry.loadDefault().byId(s.metric());
        if (metric.isEmpty()) {
            return "unknown metric '" + s.metric() + "'";
        }
        if (!metric.get().unit().equals(s.unit())) {
            return "unit '" + s.unit() + "' is not the canonical unit of " + s.metric() + " ("
                    + metric.get().unit() + ")";
        }
        if ((s.lat() == null) != (s.lon() == null)) {
            return "lat and lon must both be given or both be absent";
        }
        if (s.lat() != null && (!(Math.abs(s.lat()) <= 90) || !(Math.abs(s.lon()) <= 180))) {
            return "lat/lon out of range";
        }
        return null;
    }

    /**
     * This registry extended by {@code sensors} (e.g. the sensors a replay created). A sensor already registered
     * with the same definition is accepted again, so applying one extension twice changes nothing.
     *
     * @throws IllegalArgumentException listing each sensor whose definition is invalid, whose district belongs to no
     *                                  city, or whose id is registered with another definition
     */
    public SensorRegistry with(Collection<Sensor> sensors) {
        Map<String, Sensor> extended = new LinkedHashMap<>(byId);
        List<String> problems = new ArrayList<>();
        for (Sensor s : sensors) {
            String problem = definitionProblem(s);
            if (problem == null && !isDistrictOfSomeCity(s.district())) {
                problem = "district '" + s.district() + "' is no district of any city profile";
            }
            Sensor registered = extended.putIfAbsent(s.id(), s);
            if (problem == null && registered != null && !registered.equals(s)) {
                problem = "already registered as " + registered;
            }
            if (problem != null) {
                problems.add("sensor '" + s.id() + "': " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new SensorRegistry(extended);
    }

    private static boolean isDistrictOfSomeCity(String code) {
        return CityProfiles.all().stream().anyMatch(city -> city.district(code).isPresent());
    }

    public List<Sensor> all() {
        return List.copyOf(byId.values());
    }

    /** The sensor, or empty when the registry does not know it. */
    public Optional<Sensor> lookup(String sensorId) {
        return Optional.ofNullable(byId.get(sensorId));
    }

    /**
     * Why ingest must reject {@code reading}: {@link RejectReason#UNKNOWN_SENSOR}, {@link RejectReason#METRIC_MISMATCH}
     * (the sensor does not measure that metric) or {@link RejectReason#DISTRICT_MISMATCH}; empty when it is
     * consistent with the registry.
     */
    public Optional<RejectReason> rejectionReason(Reading reading) {
        Sensor sensor = byId.get(reading.sensorId());
        if (sensor == null) {
            return Optional.of(RejectReason.UNKNOWN_SENSOR);
        }
        if (!sensor.metric().equals(reading.metric())) {
            return Optional.of(RejectReason.METRIC_MISMATCH);
        }
        return sensor.district().equals(reading.district()) ? Optional.empty()
                : Optional.of(RejectReason.DISTRICT_MISMATCH);
    }
}
