package org.cityvitals.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.Metric;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.source.DecodedEvent;
import org.cityvitals.jobs.source.EventSource;
import org.cityvitals.jobs.testing.CollectingSink;
import org.cityvitals.jobs.testing.ListEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.jobs.testing.Events.dispatched;
import static org.cityvitals.jobs.testing.Events.reported;
import static org.cityvitals.jobs.testing.Events.resolved;

/**
 * The topology at parallelism 2 gives exactly what it gives at parallelism 1, on the same input: every indicator
 * value (with its versions), every alert with its id, every health score and every dead letter. At parallelism 1 the
 * events come from one source in event-time order; at parallelism 2 from two source subtasks, each in event-time
 * order, interleaved however the two happen to run, with their own watermarks — as two Kafka partitions would. The
 * keyed windows, the city-wide rollups (parts from both subtasks), the incident stages, the alert engine and the
 * health score are all spread over two subtasks. The input is the Shanghai sensor registry reporting for 90 minutes
 * with seeded noise, spikes that cross alert levels, suspect readings and hotline, police and utility cases.
 */
class ParallelismEquivalenceTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration SPAN = Duration.ofMinutes(90);
    private static final long SEED = 16;
    /** Platform alarms raised on processing time (wall-clock silence, store lag) depend on when a run happens. */
    private static final List<String> PROCESSING_TIME_RULES = List.of("feed_stalled", "store_lag");

    private static Outputs atOne;
    private static Outputs atTwo;

    @BeforeAll
    static void runTheSameInputAtParallelismOneAndTwo() throws Exception {
        List<DecodedEvent> input = input();
        atOne = Outputs.run(ListEvents.of(readingsOf(input), incidentsOf(input)), 1);
        atTwo = Outputs.run(new TwoOrderedSplits(input), 2);
    }

    @Test
    void theInputExercisesEveryKindOfOutput() {
        // not an equality of two empty lists: the input reaches values, corrections, alerts, health and rejections
        assertThat(atOne.values.received()).hasSizeGreaterThan(10_000);
        assertThat(atOne.values.received()).anyMatch(v -> v.district().equals("310000"));
        assertThat(atOne.alerts.received()).hasSizeGreaterThan(10);
        assertThat(atOne.health.received()).hasSizeGreaterThan(16 * 60);
        assertThat(atOne.deadLetters.received()).isNotEmpty();
    }

    @Test
    void everyIndicatorValueIsTheSame() {
        assertThat(sorted(atTwo.values.received(), ParallelismEquivalenceTest::rounded))
                .isEqualTo(sorted(atOne.values.received(), ParallelismEquivalenceTest::rounded));
    }

    @Test
    void everyAlertIsTheSameWithTheSameId() {
        Function<AlertEvent, String> eventTimeAlerts = a -> PROCESSING_TIME_RULES.contains(a.rule()) ? null
                : String.join("|", a.alertId(), String.valueOf(a.version()), a.rule(), a.indicatorId(),
                        a.district(), a.kind().name(), a.level().name(), String.valueOf(a.previousLevel()),
                        round(a.value()), round(a.threshold()), String.valueOf(a.since()),
                        String.valueOf(a.eventTime()), a.audience().name(), a.origin().name());
        assertThat(sorted(atTwo.alerts.received(), eventTimeAlerts))
                .isEqualTo(sorted(atOne.alerts.received(), eventTimeAlerts));
    }

    @Test
    void everyHealthScoreIsTheSame() {
        Function<HealthScoreValue, String> score = h -> String.join("|", h.district(), h.windowStart().toString(),
                round(h.score()), h.worstLevel().name(), String.valueOf(h.version()));
        assertThat(sorted(atTwo.health.received(), score)).isEqualTo(sorted(atOne.health.received(), score));
    }

    @Test
    void everyDeadLetterIsTheSame() {
        assertThat(sorted(atTwo.deadLetters.received(), Object::toString))
                .isEqualTo(sorted(atOne.deadLetters.received(), Object::toString));
    }

    /** A value as a line: a city-wide mean over the same samples, summed in another order when they come from two
     *  subtasks, may differ in its last bits, which is not a difference. */
    private static String rounded(IndicatorValue v) {
        return String.join("|", v.indicatorId(), v.district(), v.windowStart().toString(), v.windowEnd().toString(),
                round(v.value()), String.valueOf(v.samples()), v.level().name(), String.valueOf(v.version()));
    }

    private static String round(double value) {
        return String.format("%.9g", value);
    }

    /** Each output as a sorted list of lines (the order two subtasks emit in is not part of the result). */
    private static <T> List<String> sorted(List<T> outputs, Function<T, String> line) {
        return outputs.stream().map(line).filter(l -> l != null).sorted().collect(Collectors.toList());
    }

    /** What one run produced. */
    private static final class Outputs {
        final CollectingSink<IndicatorValue> values = new CollectingSink<>();
        final CollectingSink<AlertEvent> alerts = new CollectingSink<>();
        final CollectingSink<HealthScoreValue> health = new CollectingSink<>();
        final CollectingSink<org.cityvitals.indicators.signal.DeadLetter> deadLetters = new CollectingSink<>();

        static Outputs run(EventSource source, int parallelism) throws Exception {
            Outputs o = new Outputs();
            // no checkpoint within the run: the alert engine's state outgrows the test's in-memory checkpoint
            // storage, and a bounded run needs none
            JobSettings settings = JobOptions.parse("--parallelism", String.valueOf(parallelism),
                    "--checkpoint-interval", "1h");
            StreamExecutionEnvironment env = VitalSignsJob.configure(
                    StreamExecutionEnvironment.getExecutionEnvironment(), settings);
            new VitalSignsJob(settings, source, new VitalSignsJob.Outputs(List.of(o.values), List.of(o.alerts),
                    List.of(o.health), List.of(), List.of(), List.of(o.deadLetters))).build(env);
            env.execute("parallelism " + parallelism);
            return o;
        }
    }

    /**
     * The events in two source subtasks, like two Kafka partitions: event i goes to subtask i mod 2, and each
     * subtask reads its half in event-time order, with a watermark of its own.
     */
    private static final class TwoOrderedSplits implements EventSource {
        private static final long serialVersionUID = 1L;
        private final List<DecodedEvent> events;

        TwoOrderedSplits(List<DecodedEvent> events) {
            this.events = events;
        }

        @Override
        public DataStream<DecodedEvent> attach(StreamExecutionEnvironment env,
                                               WatermarkStrategy<DecodedEvent> watermarks) {
            int half = (events.size() + 1) / 2;
            List<DecodedEvent> all = events;
            // fromSequence at parallelism 2 gives each subtask one contiguous half of the numbers, read in order:
            // numbers below `half` are the even events, the others the odd ones
            MapFunction<Long, DecodedEvent> pick = n -> all.get(n < half ? (int) (2 * n) : (int) (2 * (n - half) + 1));
            return env.fromSequence(0, events.size() - 1).setParallelism(2)
                    .map(pick).returns(TypeInformation.of(DecodedEvent.class)).setParallelism(2)
                    .assignTimestampsAndWatermarks(watermarks).setParallelism(2);
        }
    }

    /** 90 minutes of the Shanghai sensor registry and of cases, in event-time order. */
    private static List<DecodedEvent> input() {
        Random random = new Random(SEED);
        MetricRegistry metrics = MetricRegistry.loadDefault();
        List<Reading> readings = new ArrayList<>();
        List<Sensor> sensors = SensorRegistry.shanghai().all();
        for (int s = 0; s < sensors.size(); s++) {
            Sensor sensor = sensors.get(s);
            Metric metric = metrics.byId(sensor.metric()).orElseThrow();
            double range = metric.plausibleMax() - metric.plausibleMin();
            for (long t = s % 60; t < SPAN.toSeconds(); t += 60) {
                double share = random.nextDouble() < 0.01 ? 0.3 + 0.4 * random.nextDouble()
                        : 0.03 * Math.exp(0.5 * random.nextGaussian());
                boolean faulty = random.nextDouble() < 0.002;
                double value = faulty ? metric.plausibleMax() * 2 : metric.plausibleMin() + range * Math.min(share, 1);
                readings.add(new Reading(sensor.id(), sensor.metric(), value, metric.unit(), T0.plusSeconds(t),
                        sensor.district(), null, null, faulty ? Quality.SUSPECT : Quality.GOOD));
            }
        }
        List<Incident> incidents = new ArrayList<>();
        IncidentSource[] sources = {IncidentSource.HOTLINE_12345, IncidentSource.POLICE_110, IncidentSource.FIRE_119,
            IncidentSource.UTILITY_FAULT};
        String[] categories = {"road", "water_supply", "gas", "power", "noise"};
        List<String> districts = sensors.stream().map(Sensor::district).distinct().sorted().toList();
        for (int i = 0; i < 400; i++) {
            Instant at = T0.plusSeconds(random.nextInt((int) SPAN.toSeconds() - 1200));
            Incident report = reported("case-" + i, sources[random.nextInt(sources.length)],
                    categories[random.nextInt(categories.length)], districts.get(random.nextInt(districts.size())),
                    at);
            Instant dispatch = at.plusSeconds(60 + random.nextInt(600));
            incidents.add(report);
            incidents.add(dispatched(report, dispatch));
            if (random.nextBoolean()) {
                incidents.add(resolved(report, dispatch, dispatch.plusSeconds(60 + random.nextInt(600))));
            }
        }
        List<DecodedEvent> events = new ArrayList<>();
        readings.forEach(r -> events.add(new DecodedEvent(r, null, Topics.READINGS, null, null, 0)));
        incidents.forEach(c -> events.add(new DecodedEvent(null, c, Topics.INCIDENTS, null, null, 0)));
        events.sort(Comparator.comparingLong(DecodedEvent::eventTime));
        return events;
    }

    private static List<Reading> readingsOf(List<DecodedEvent> events) {
        return events.stream().filter(e -> e.reading() != null).map(DecodedEvent::reading).toList();
    }

    private static List<Incident> incidentsOf(List<DecodedEvent> events) {
        return events.stream().filter(e -> e.incident() != null).map(DecodedEvent::incident).toList();
    }
}
