package org.cityvitals.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.Metric;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.source.DecodedEvent;
import org.cityvitals.jobs.source.EventSource;
import org.cityvitals.jobs.testing.CollectingSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.jobs.testing.Events.dispatched;
import static org.cityvitals.jobs.testing.Events.reported;
import static org.cityvitals.jobs.testing.Events.resolved;

/**
 * The topology at parallelism 2 gives exactly what it gives at parallelism 1, on the same input: every indicator
 * value (with its versions), every alert with its id, every health score and every dead letter. At parallelism 1 the
 * events come from one source in event-time order; at parallelism 2 from two partitions by record key, as Kafka
 * places them, each read in event-time order by its own source subtask with its own watermark, interleaved however
 * the two happen to run; for the last half hour one partition is silent, so event time moves on only once it is
 * seen as idle. The keyed windows, the city-wide rollups (parts from both subtasks), the incident stages, the alert
 * engine and the health score are all spread over two subtasks. The input is the Shanghai sensor registry reporting
 * for 90 minutes with seeded noise, spikes that cross alert levels, suspect readings and hotline, police and utility cases.
 * It runs under Failsafe ({@code mvn verify}), not with the unit layer: two full runs of that volume take about 20 s,
 * and the comparison needs the volume (every kind of output, both subtasks busy) to mean anything.
 */
class ParallelismEquivalenceIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration SPAN = Duration.ofMinutes(90);
    private static final long SEED = 16;
    private static final String SHANGHAI = "310000";
    /** From here on partition 1 of 2 carries no events: its sensors and cases fall silent. */
    private static final Instant QUIET_FROM = T0.plus(Duration.ofMinutes(60));
    /** Idleness of the runs: a partition silent this long (wall clock) stops holding event time back. */
    private static final String IDLENESS = "5s";
    /** Outputs unchanged this long, after the last minute's windows, mean every subtask is idle and done. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(2);
    /** Platform alarms raised on processing time (wall-clock silence, store lag) depend on when a run happens. */
    private static final List<String> PROCESSING_TIME_RULES = List.of("feed_stalled", "store_lag");
    /**
     * A live job judges an instant rule's single readings as they arrive, ahead of the window that covers them: its
     * episodes of these indicators depend on which subtask ran ahead, by design (flink-jobs/DISCUSSION.md: an
     * instant alarm must not wait for the watermark). A backfill judges them in event-time order
     * (AlertEngineTest). Their level episodes are left out of the equality, and checked to exist in both runs.
     */
    private static final java.util.Set<String> INSTANT_RULE_INDICATORS = IndicatorCatalogue.loadDefault().all()
            .stream().filter(IndicatorDefinition::instant).map(IndicatorDefinition::id)
            .collect(Collectors.toUnmodifiableSet());

    private static List<DecodedEvent> events;
    private static Outputs atOne;
    private static Outputs atTwo;

    @BeforeAll
    static void runTheSameInputAtParallelismOneAndTwo() throws Exception {
        events = input();
        long started = System.nanoTime();
        atOne = Outputs.run(new PartitionedEvents(events, 1), 1);
        long one = System.nanoTime();
        atTwo = Outputs.run(new PartitionedEvents(events, 2), 2);
        System.out.printf("parallelism 1: %d ms, parallelism 2: %d ms%n", (one - started) / 1_000_000,
                (System.nanoTime() - one) / 1_000_000);
    }

    @Test
    void theInputExercisesEveryKindOfOutput() {
        // not an equality of two empty lists: the input reaches values, city-wide values, alerts, health and
        // rejections (a dead letter for each stray reading and broken record the input holds)
        assertThat(atOne.values.received()).hasSizeGreaterThan(10_000);
        assertThat(atOne.values.received()).anyMatch(v -> v.district().equals(SHANGHAI));
        assertThat(atOne.alerts.received()).hasSizeGreaterThan(10);
        assertThat(atOne.health.received()).hasSizeGreaterThan(16 * 60);
        assertThat(atOne.deadLetters.received()).hasSize((int) events.stream()
                .filter(e -> !e.ok() || e.reading() != null && e.reading().sensorId().startsWith("stray-"))
                .count());
    }

    @Test
    void everyIndicatorValueIsTheSame() {
        assertSameLines(atTwo.values.received(), atOne.values.received(), ParallelismEquivalenceIT::rounded);
    }

    @Test
    void everyAlertIsTheSameWithTheSameId() {
        Function<AlertEvent, String> eventTimeAlerts = a -> PROCESSING_TIME_RULES.contains(a.rule())
                || arrivalOrdered(a) ? null
                : String.join("|", a.alertId(), String.valueOf(a.version()), a.rule(), a.indicatorId(),
                        a.district(), a.kind().name(), a.level().name(), String.valueOf(a.previousLevel()),
                        round(a.value()), round(a.threshold()), String.valueOf(a.since()),
                        String.valueOf(a.eventTime()), a.audience().name(), a.origin().name());
        assertSameLines(atTwo.alerts.received(), atOne.alerts.received(), eventTimeAlerts);
        assertThat(atOne.alerts.received()).anyMatch(ParallelismEquivalenceIT::arrivalOrdered);
        assertThat(atTwo.alerts.received()).anyMatch(ParallelismEquivalenceIT::arrivalOrdered);
    }

    private static boolean arrivalOrdered(AlertEvent a) {
        return a.rule().equals("level") && INSTANT_RULE_INDICATORS.contains(a.indicatorId());
    }

    @Test
    void everyHealthScoreIsTheSame() {
        Function<HealthScoreValue, String> score = h -> String.join("|", h.district(), h.windowStart().toString(),
                round(h.score()), h.worstLevel().name(), String.valueOf(h.version()));
        assertSameLines(atTwo.health.received(), atOne.health.received(), score);
    }

    @Test
    void everyDeadLetterIsTheSame() {
        // a dead letter's time is when it was refused (wall clock), not part of what was refused
        Function<DeadLetter, String> refusal = d -> String.join("|", d.source(), d.reason(), d.detail(), d.payload());
        assertSameLines(atTwo.deadLetters.received(), atOne.deadLetters.received(), refusal);
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

    /**
     * The same lines, each as often, in any order (the order two subtasks emit in is not part of the result); a
     * difference is reported as the lines missing at parallelism 2 and those it has in excess.
     */
    private static <T> void assertSameLines(List<T> atTwo, List<T> atOne, Function<T, String> line) {
        assertThat(lines(atTwo, line)).containsExactlyInAnyOrderElementsOf(lines(atOne, line));
    }

    private static <T> List<String> lines(List<T> outputs, Function<T, String> line) {
        return outputs.stream().map(line).filter(l -> l != null).sorted().collect(Collectors.toList());
    }

    /** What one run produced. */
    private static final class Outputs {
        final CollectingSink<IndicatorValue> values = new CollectingSink<>();
        final CollectingSink<AlertEvent> alerts = new CollectingSink<>();
        final CollectingSink<HealthScoreValue> health = new CollectingSink<>();
        final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

        /**
         * Runs the topology until every subtask has gone idle at the end of its partition and nothing more comes
         * out: the city rollup has closed a window in the input's last minute and no output has grown for
         * {@link #QUIET}. Then the run is cancelled.
         */
        static Outputs run(EventSource source, int parallelism) throws Exception {
            Outputs o = new Outputs();
            JobSettings settings = JobOptions.parse("--parallelism", String.valueOf(parallelism),
                    "--checkpoint-interval", "1h", "--idleness", IDLENESS);
            StreamExecutionEnvironment env = VitalSignsJob.configure(
                    StreamExecutionEnvironment.getExecutionEnvironment(), settings);
            new VitalSignsJob(settings, source, new VitalSignsJob.Outputs(List.of(o.values), List.of(o.alerts),
                    List.of(o.health), List.of(), List.of(), List.of(o.deadLetters))).build(env);
            JobClient job = env.executeAsync("parallelism " + parallelism);
            try {
                o.awaitQuiet();
            } finally {
                job.cancel().get();
            }
            return o;
        }

        private void awaitQuiet() throws InterruptedException {
            Instant lastMinute = T0.plus(SPAN).minus(Duration.ofMinutes(1));
            long giveUp = System.nanoTime() + RUN_LIMIT.toNanos();
            long size = -1;
            long stableSince = System.nanoTime();
            while (!reachedLastMinute(lastMinute) || System.nanoTime() - stableSince < QUIET.toNanos()) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("no city-wide window ending at " + lastMinute + " or later "
                            + "closed within " + RUN_LIMIT + ": a silent partition still holds event time back");
                }
                long now = values.received().size() + alerts.received().size() + health.received().size()
                        + deadLetters.received().size();
                if (now != size) {
                    size = now;
                    stableSince = System.nanoTime();
                }
                Thread.sleep(100);
            }
        }

        private boolean reachedLastMinute(Instant lastMinute) {
            return values.received().stream()
                    .anyMatch(v -> v.district().equals(SHANGHAI) && !v.windowEnd().isBefore(lastMinute));
        }
    }

    /**
     * The events in Kafka's manner: each in the partition its record key (sensor, case) hashes to, one source subtask
     * per partition reading it in event-time order with a watermark of its own. Like a Kafka source, a subtask does
     * not end when its partition is read: it falls silent and is marked idle, so a run ends as a live job pauses, at
     * the watermark of its newest events, never at the end-of-input watermark (that flushes every window at once, in
     * whichever order the subtasks happen to finish). The input holds nothing of partition 1 after
     * {@link #QUIET_FROM}: event time gets past it only once the silent partition is seen as idle.
     */
    private static final class PartitionedEvents implements EventSource {
        private static final long serialVersionUID = 1L;
        /** The partitions' events, shared with the source subtasks in this JVM (an event is not serialisable). */
        private static final Map<String, List<List<DecodedEvent>>> PARTITIONS = new ConcurrentHashMap<>();

        private final String id = UUID.randomUUID().toString();
        private final int partitions;

        PartitionedEvents(List<DecodedEvent> events, int partitions) {
            List<List<DecodedEvent>> split = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                split.add(new ArrayList<>());
            }
            events.forEach(e -> split.get(partitionOf(e, partitions)).add(e));
            PARTITIONS.put(id, split);
            this.partitions = partitions;
        }

        @Override
        public DataStream<DecodedEvent> attach(StreamExecutionEnvironment env,
                                               WatermarkStrategy<DecodedEvent> watermarks) {
            // one number per partition, one split per source subtask: each subtask emits the partition its number
            // names; the watermarks are assigned in a chain of their own, so a subtask silent after its partition
            // does not stop the partition's idleness from being noticed
            return env.fromSequence(0, partitions - 1).setParallelism(partitions)
                    .flatMap(new EmitPartition(id)).returns(TypeInformation.of(DecodedEvent.class))
                    .setParallelism(partitions)
                    .assignTimestampsAndWatermarks(watermarks).setParallelism(partitions).startNewChain();
        }

        private record EmitPartition(String id) implements FlatMapFunction<Long, DecodedEvent> {

            @Override
            public void flatMap(Long partition, Collector<DecodedEvent> out) throws InterruptedException {
                PARTITIONS.get(id).get(partition.intValue()).forEach(out::collect);
                Thread.sleep(Long.MAX_VALUE); // silent until the run is cancelled, like a partition with no news
            }
        }
    }

    /** The partition of a record, by its Kafka key as the producers set it: sensor, case, or the raw record. */
    private static int partitionOf(DecodedEvent e, int partitions) {
        String key = e.reading() != null ? e.reading().sensorId()
                : e.incident() != null ? e.incident().id() : e.rawPayload();
        return Math.floorMod(key.hashCode(), partitions);
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
        for (int i = 0; i < 20; i++) { // refused records: from a district no city has, and not decodable at all
            Instant at = T0.plusSeconds(random.nextInt((int) SPAN.toSeconds()));
            events.add(new DecodedEvent(new Reading("stray-" + i, "pm25", 30, "µg/m³", at, "319999", null, null,
                    Quality.GOOD), null, Topics.READINGS, null, null, 0));
            events.add(new DecodedEvent(null, null, Topics.READINGS, "{\"sensorId\": \"broken-" + i,
                    "not JSON: the record ends inside a string", at.toEpochMilli()));
        }
        events.removeIf(e -> partitionOf(e, 2) == 1 && e.eventTime() >= QUIET_FROM.toEpochMilli());
        events.sort(Comparator.comparingLong(DecodedEvent::eventTime));
        return events;
    }

}
