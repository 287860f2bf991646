package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.sensor.Sensor;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The deterministic heart of the simulator: round after round, every registered sensor reports once at the round's
 * event time and incidents arrive at their streams' rates, with their dispatch and resolution scheduled for later.
 * Same seed, start, rate and injections → the same events. Not thread-safe: the {@link Simulator} drives it from one
 * thread.
 */
final class CityGenerator {
    /**
     * Residents per km² from which a district counts as the busy centre (activity 1.15, else 0.85): in Shanghai
     * exactly the seven central districts inside the Inner Ring, in Beijing Dongcheng and Xicheng.
     */
    private static final double CENTRAL_DENSITY = 10_000;

    private final CityProfile city;
    private final List<Sensor> sensors;
    private final Noise noise;
    private final Duration round;
    private final double roundHours;
    private final String idPrefix;
    /** District → where its incidents happen (null when the city has no boundary file: no location). */
    private final Map<String, double[]> centres = new HashMap<>();
    private final Map<String, Double> activity = new HashMap<>();
    private final List<String> districts;
    private final ScenarioEffects effects = new ScenarioEffects();
    private final PendingSteps pending = new PendingSteps();
    private Instant now;
    private long incidentCount;

    CityGenerator(SimulatorConfig config, CityProfile city, List<Sensor> sensors) {
        this.city = city;
        this.sensors = List.copyOf(sensors);
        this.noise = new Noise(config.seed());
        this.round = Duration.ofNanos(Math.max(1, Math.round(sensors.size() / config.eventsPerSecond() * 1e9)));
        this.roundHours = round.toNanos() / 3.6e12;
        // Shanghai keeps its ids as they were; other cities' ids name the city so that two simulated cities with
        // the same seed never share an incident id (row keys in the store)
        this.idPrefix = city.id().equals(CityProfiles.DEFAULT_ID) ? "sim-" + config.seed() + "-"
                : "sim-" + city.id() + "-" + config.seed() + "-";
        this.now = config.start();
        Set<String> seen = new LinkedHashSet<>();
        for (Sensor s : sensors) {
            if (!NormalCity.MODELLED.contains(s.metric())) {
                throw new IllegalArgumentException("the simulator has no model for metric '" + s.metric()
                        + "' of sensor " + s.id());
            }
            seen.add(s.district());
            if (s.lat() != null) centres.putIfAbsent(s.district(), new double[]{s.lat(), s.lon()});
        }
        this.districts = List.copyOf(seen);
        for (District d : city.districts()) {
            // a profile without area or population figures gives every district the average activity
            double density = d.areaKm2() > 0 ? d.population() / d.areaKm2() : Double.NaN;
            activity.put(d.code(), Double.isNaN(density) || d.population() == 0 ? 1.0
                    : density >= CENTRAL_DENSITY ? 1.15 : 0.85);
        }
    }

    Duration roundLength() {
        return round;
    }

    /** Event time of the next round. */
    Instant now() {
        return now;
    }

    /** Starts {@code scenario} at the next round; returns when it ends. */
    Instant inject(Scenario scenario, Set<String> where, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        for (String district : where) {
            if (city.district(district).isEmpty()) {
                throw new IllegalArgumentException("district '" + district + "' is no district of " + city.nameEn()
                        + "; known: " + String.join(", ", districts));
            }
        }
        ScenarioRun run = new ScenarioRun(scenario, Set.copyOf(where), now, now.plus(duration));
        effects.add(run);
        return run.end();
    }

    /** Emits one round: all readings at the round's time, new incidents, and lifecycle steps now due. */
    void nextRound(EventSink sink) {
        Instant at = now;
        effects.expire(at);
        CityClock clock = CityClock.at(at, city.zone());
        for (Sensor sensor : sensors) {
            sink.reading(reading(sensor, at, clock));
        }
        arrivals(at, clock, sink);
        now = at.plus(round);
        pending.releaseBefore(now, sink);
    }

    private Reading reading(Sensor sensor, Instant at, CityClock clock) {
        String metric = sensor.metric();
        double normal = NormalCity.value(metric, activity(sensor.district()), clock, noise);
        OptionalDouble disturbed = effects.override(metric, sensor.district(), at, normal, noise);
        double value = disturbed.orElse(normal);
        if (NormalCity.PER_INTERVAL.contains(metric)) {
            value = metric.equals("vehicle_count") ? noise.stochasticRound(value * roundHours)
                    : Math.max(0, value) * roundHours;
        }
        return new Reading(sensor.id(), metric, value, sensor.unit(), at, sensor.district(), sensor.lat(),
                sensor.lon(), Quality.GOOD);
    }

    /** New cases in this round: one Poisson draw per stream city-wide, spread over districts by activity. */
    private void arrivals(Instant at, CityClock clock, EventSink sink) {
        double totalActivity = districts.stream().mapToDouble(this::activity).sum();
        for (IncidentStream stream : IncidentStreams.NORMAL) {
            double lambda = stream.perDistrictHour() * stream.dailyFactor(clock) * totalActivity * roundHours;
            for (int i = noise.poisson(lambda); i > 0; i--) {
                report(stream, pickDistrict(totalActivity), at, sink);
            }
        }
        for (ScenarioRun run : effects.active(at)) {
            for (IncidentStream stream : IncidentStreams.extra(run.scenario())) {
                for (String district : run.districts()) {
                    for (int i = noise.poisson(stream.perDistrictHour() * roundHours); i > 0; i--) {
                        report(stream, district, at, sink);
                    }
                }
            }
        }
    }

    private void report(IncidentStream stream, String district, Instant at, EventSink sink) {
        String id = idPrefix + (++incidentCount);
        double[] centre = centres.get(district);
        Double lat = centre == null ? null : centre[0] + noise.uniform(-0.01, 0.01);
        Double lon = centre == null ? null : centre[1] + noise.uniform(-0.01, 0.01);
        Instant dispatched = stream.dispatchMax() > 0
                ? at.plusMillis(minutes(noise.uniform(stream.dispatchMin(), stream.dispatchMax()))) : null;
        Instant resolved = (dispatched != null ? dispatched : at)
                .plusMillis(minutes(noise.uniform(stream.resolveMin(), stream.resolveMax())));
        Incident reported = new Incident(id, stream.source(), stream.category(), null, district, stream.priority(),
                IncidentStatus.REPORTED, at, null, null, lat, lon);
        sink.incident(reported, at);
        if (dispatched != null) {
            pending.schedule(new Incident(id, stream.source(), stream.category(), null, district, stream.priority(),
                    IncidentStatus.DISPATCHED, at, dispatched, null, lat, lon), dispatched);
        }
        pending.schedule(new Incident(id, stream.source(), stream.category(), null, district, stream.priority(),
                IncidentStatus.RESOLVED, at, dispatched, resolved, lat, lon), resolved);
    }

    private String pickDistrict(double totalActivity) {
        double target = noise.uniform(0, totalActivity);
        for (String district : districts) {
            target -= activity(district);
            if (target <= 0) return district;
        }
        return districts.get(districts.size() - 1);
    }

    private double activity(String district) {
        return activity.get(district);
    }

    private static long minutes(double minutes) {
        return Math.round(minutes * 60_000);
    }
}
