package org.cityvitals.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.jobs.alert.AlertEngine;
import org.cityvitals.jobs.health.HealthScoring;
import org.cityvitals.jobs.incident.BacklogChange;
import org.cityvitals.jobs.incident.BacklogChanges;
import org.cityvitals.jobs.incident.IncidentBacklog;
import org.cityvitals.jobs.incident.IncidentsToSamples;
import org.cityvitals.jobs.source.DecodedEvent;
import org.cityvitals.jobs.source.SplitDecoded;
import org.cityvitals.jobs.window.AccumulateSamples;
import org.cityvitals.jobs.window.CatalogueWindows;
import org.cityvitals.jobs.window.EmitIndicatorValue;
import org.cityvitals.jobs.window.ReadingsToSamples;
import org.cityvitals.jobs.window.Sample;

import java.time.Instant;
import java.util.List;

/**
 * The catalogue-driven topology. Readings and incidents → per-(indicator, district) and city-wide windows, plus the
 * running incident backlog → indicator values with levels → the alert engine and the health score per district.
 * Source and sinks come in through the constructor, so tests and deployments wire the same topology to different
 * ends ({@link VitalSignsMain} wires Kafka and ClickHouse).
 */
public final class VitalSignsJob {

    static final OutputTag<Sample> LATE_SAMPLES = new OutputTag<>("late-samples") { };

    private final JobSettings settings;
    private final CatalogueText catalogue;
    private final Source<DecodedEvent, ?, ?> events;
    private final Outputs outputs;

    /** Where results go; each list may hold several sinks (e.g. ClickHouse and Kafka) or none. */
    public record Outputs(List<Sink<IndicatorValue>> values, List<Sink<AlertEvent>> alerts,
                          List<Sink<HealthScoreValue>> healthScores, List<Sink<Reading>> readings,
                          List<Sink<Incident>> incidents, List<Sink<DeadLetter>> deadLetters) {}

    public VitalSignsJob(JobSettings settings, CatalogueText catalogue, Source<DecodedEvent, ?, ?> events,
                         Outputs outputs) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.events = events;
        this.outputs = outputs;
    }

    /** Adds the topology to {@code env}; run it with {@code env.execute()} or {@code executeAsync()}. */
    public void build(StreamExecutionEnvironment env) {
        WatermarkStrategy<DecodedEvent> watermarks = WatermarkStrategy
                .<DecodedEvent>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner((e, kafkaTs) -> e.eventTime())
                .withIdleness(settings.idleness());

        SingleOutputStreamOperator<Reading> readings = env
                .fromSource(events, watermarks, "readings and incidents")
                .uid("events-source")
                .process(new SplitDecoded())
                .uid("decode")
                .name("decode events");
        DataStream<Incident> incidents = readings.getSideOutput(SplitDecoded.INCIDENTS);

        DataStream<Sample> samples = readings
                .flatMap(new ReadingsToSamples(catalogue)).uid("reading-samples").name("readings to samples")
                .union(incidents.flatMap(new IncidentsToSamples(catalogue)).uid("incident-samples")
                        .name("incidents to samples"));

        SingleOutputStreamOperator<IndicatorValue> windowed = samples
                .keyBy(Sample::seriesKey)
                .window(new CatalogueWindows(catalogue))
                .allowedLateness(settings.allowedLateness())
                .sideOutputLateData(LATE_SAMPLES)
                .aggregate(new AccumulateSamples(), new EmitIndicatorValue(catalogue))
                .uid("indicator-windows")
                .name("indicator windows");

        DataStream<IndicatorValue> backlogs = incidents
                .flatMap(new BacklogChanges(catalogue)).uid("backlog-changes").name("backlog changes")
                .keyBy(BacklogChange::seriesKey)
                .process(new IncidentBacklog(catalogue))
                .uid("incident-backlog")
                .name("incident backlog");

        DataStream<IndicatorValue> values = windowed.union(backlogs);

        DataStream<AlertEvent> alerts = values
                .keyBy(AlertEngine::keyOf)
                .process(new AlertEngine(catalogue, settings.zone()))
                .uid("alert-engine")
                .name("alert engine");

        DataStream<HealthScoreValue> health = values
                .keyBy(IndicatorValue::district)
                .process(new HealthScoring(catalogue))
                .uid("health-score")
                .name("health score");

        DataStream<DeadLetter> deadLetters = readings.getSideOutput(SplitDecoded.DEAD_LETTERS)
                .union(windowed.getSideOutput(LATE_SAMPLES).map(VitalSignsJob::tooLate).returns(DeadLetter.class)
                        .name("late samples"));

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
        return new DeadLetter(SplitDecoded.SOURCE + ":windows", "too_late",
                "event at " + Instant.ofEpochMilli(s.timestamp()) + " arrived after its window closed for good",
                SignalCodec.toJson(s), 0, Instant.now());
    }
}
