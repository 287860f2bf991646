package org.cityvitals.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.jobs.alert.AlertEngine;
import org.cityvitals.jobs.alert.PointInput;
import org.cityvitals.jobs.health.HealthScoring;
import org.cityvitals.jobs.incident.BacklogChange;
import org.cityvitals.jobs.incident.BacklogChanges;
import org.cityvitals.jobs.incident.IncidentBacklog;
import org.cityvitals.jobs.incident.IncidentStages;
import org.cityvitals.jobs.incident.IncidentsToSamples;
import org.cityvitals.jobs.quality.FeedHeartbeat;
import org.cityvitals.jobs.quality.FeedHeartbeats;
import org.cityvitals.jobs.quality.FeedStallDetector;
import org.cityvitals.jobs.source.DecodedEvent;
import org.cityvitals.jobs.source.EventSource;
import org.cityvitals.jobs.source.ManualResolves;
import org.cityvitals.jobs.source.SplitDecoded;
import org.cityvitals.jobs.window.CityPart;
import org.cityvitals.jobs.window.CityRollup;
import org.cityvitals.jobs.window.InstantReading;
import org.cityvitals.jobs.window.PaneWindows;
import org.cityvitals.jobs.window.QualitySampleCombiner;
import org.cityvitals.jobs.window.ReadingsToSamples;
import org.cityvitals.jobs.window.Sample;

import java.time.Instant;
import java.util.List;

/**
 * The catalogue-driven topology. Readings become district samples (and data-quality samples, combined per pane
 * before the shuffle), incidents their stages once each; pane windows per (indicator, district) give district values, from which the city rollup forms
 * the city-wide series; the backlog is counted per district at each slide. Values feed the alert engine (with single
 * readings for instant rules, and people's resolves in a live job) and the health score per city; in a live job a processing-time detector watches for
 * stalled feeds. The source and the sinks come in through the constructor, so a test runs the same topology on a list
 * of events with collecting sinks, a deployment on Kafka with Kafka and ClickHouse sinks.
 */
public final class VitalSignsJob {

    private final JobSettings settings;
    private final CatalogueText catalogue;
    private final EventSource events;
    private final ManualResolves resolves;
    private final Outputs outputs;

    /** Where results go; each list may hold several sinks (e.g. ClickHouse and Kafka) or none. */
    public record Outputs(List<Sink<IndicatorValue>> values, List<Sink<AlertEvent>> alerts,
                          List<Sink<HealthScoreValue>> healthScores, List<Sink<Reading>> readings,
                          List<Sink<Incident>> incidents, List<Sink<DeadLetter>> deadLetters) {}

    /** A job whose alerts nobody resolves by hand: a backfill, most tests. */
    public VitalSignsJob(JobSettings settings, EventSource events, Outputs outputs) {
        this(settings, events, null, outputs);
    }

    /** @param resolves people's resolves for the alert engine, or null when nobody acts on this job's alerts */
    public VitalSignsJob(JobSettings settings, EventSource events, ManualResolves resolves, Outputs outputs) {
        this.settings = settings;
        this.catalogue = settings.catalogueText();
        this.events = events;
        this.resolves = resolves;
        this.outputs = outputs;
    }

    /**
     * Parallelism, checkpointing, strict serialisation (every type has a real serializer, never Kryo) and object
     * reuse: without it every record is deep-copied between chained operators (5 % of the source thread in the
     * profile). Safe because every stream element is an immutable record; only state objects are mutable.
     */
    public static StreamExecutionEnvironment configure(StreamExecutionEnvironment env, JobSettings settings) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        if (settings.checkpointDir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpointDir());
        }
        env.configure(conf);
        env.setParallelism(settings.parallelism());
        env.enableCheckpointing(settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return env;
    }

    /** Adds the topology to {@code env}; run it with {@code env.execute()} or {@code executeAsync()}. */
    public void build(StreamExecutionEnvironment env) {
        long lateness = settings.allowedLateness().toMillis();
        boolean bounded = settings.origin().bounded();
        WatermarkStrategy<DecodedEvent> watermarks = WatermarkStrategy
                .<DecodedEvent>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner((e, kafkaTs) -> e.eventTime());
        if (!bounded) {
            // A live partition may fall silent for good. A bounded one always reaches its end; declaring it idle
            // (after a minute of wall clock without records, on a busy machine) would let the other partitions'
            // event time overtake its records, which would then be late, and a second run would differ.
            watermarks = watermarks.withIdleness(settings.idleness());
        }

        SingleOutputStreamOperator<Reading> readings = events.attach(env, watermarks)
                .process(new SplitDecoded()).uid("decode").name("decode events");
        DataStream<Incident> incidents = readings.getSideOutput(SplitDecoded.INCIDENTS);

        SingleOutputStreamOperator<Sample> readingSamples = readings
                .process(new ReadingsToSamples(catalogue)).uid("reading-samples").name("readings to samples");
        DataStream<InstantReading> instants = readingSamples.getSideOutput(ReadingsToSamples.INSTANT);

        SingleOutputStreamOperator<Incident> stages = incidents
                .keyBy(Incident::id).process(new IncidentStages()).uid("incident-stages").name("incident stages");
        DataStream<Sample> incidentSamples = stages
                .flatMap(new IncidentsToSamples(catalogue)).uid("incident-samples").name("incidents to samples");

        DataStream<Sample> combinedSamples = readingSamples
                .transform("combine quality samples", readingSamples.getType(), new QualitySampleCombiner(catalogue))
                .uid("quality-sample-combiner");
        SingleOutputStreamOperator<IndicatorValue> districtWindows = combinedSamples.union(incidentSamples)
                .keyBy(Sample::seriesKey)
                .process(new PaneWindows(catalogue, lateness, bounded)).uid("indicator-windows").name("indicator windows");
        SingleOutputStreamOperator<IndicatorValue> backlogs = stages.getSideOutput(IncidentStages.BACKLOG)
                .flatMap(new BacklogChanges(catalogue)).uid("backlog-changes").name("backlog changes")
                .keyBy(BacklogChange::seriesKey)
                .process(new IncidentBacklog(catalogue, lateness, bounded)).uid("incident-backlog").name("incident backlog");
        DataStream<CityPart> cityParts = districtWindows.getSideOutput(PaneWindows.CITY_PARTS)
                .union(backlogs.getSideOutput(PaneWindows.CITY_PARTS));
        DataStream<IndicatorValue> cityValues = cityParts
                .keyBy(CityRollup::keyOf)
                .process(new CityRollup(catalogue, lateness)).uid("city-rollup").name("city rollup");
        DataStream<IndicatorValue> values = districtWindows.union(backlogs, cityValues);

        DataStream<PointInput> pointInputs = instants.map(PointInput::ofReading).returns(PointInput.class)
                .uid("instant-inputs").name("instant readings");
        if (resolves != null) {
            pointInputs = pointInputs.union(resolves.attach(env).map(PointInput::ofResolve).returns(PointInput.class)
                    .uid("resolve-inputs").name("manual resolves"));
        }
        DataStream<AlertEvent> alerts = values.keyBy(AlertEngine::keyOf)
                .connect(pointInputs.keyBy(PointInput::seriesKey))
                .process(new AlertEngine(catalogue, settings.origin())).uid("alert-engine").name("alert engine");
        if (settings.origin() == Origin.LIVE) {
            alerts = alerts.union(readings
                    .flatMap(new FeedHeartbeats()).uid("feed-heartbeats").name("feed heartbeats")
                    .keyBy(FeedHeartbeat::key)
                    .process(new FeedStallDetector(settings.stallAfter())).uid("feed-stalls").name("feed stalls"));
        }

        DataStream<HealthScoreValue> health = values
                .keyBy(HealthScoring::keyOf)
                .process(new HealthScoring(catalogue, lateness)).uid("health-score").name("health score");

        DataStream<DeadLetter> deadLetters = readings.getSideOutput(SplitDecoded.DEAD_LETTERS)
                .union(districtWindows.getSideOutput(PaneWindows.TOO_LATE).map(VitalSignsJob::tooLate)
                        .returns(DeadLetter.class).name("late samples"));

        attach(values, outputs.values(), "values");
        attach(alerts, outputs.alerts(), "alerts");
        attach(health, outputs.healthScores(), "health scores");
        attach(readings, outputs.readings(), "readings");
        attach(incidents, outputs.incidents(), "incidents");
        attach(deadLetters, outputs.deadLetters(), "dead letters");
    }

    private static <T> void attach(DataStream<T> stream, List<Sink<T>> sinks, String what) {
        for (Sink<T> sink : sinks) {
            stream.sinkTo(sink).name(what + " → " + sink.getClass().getSimpleName());
        }
    }

    /** A sample beyond the allowed lateness can no longer correct its window; keep it as a dead letter. */
    private static DeadLetter tooLate(Sample s) {
        return new DeadLetter(SplitDecoded.SOURCE + ":windows", RejectReason.TOO_LATE.code(),
                "event at " + Instant.ofEpochMilli(s.timestamp()) + " for " + s.seriesKey()
                        + " arrived after every window holding it was closed for good",
                SignalCodec.toJson(s), 0, Instant.now());
    }
}
