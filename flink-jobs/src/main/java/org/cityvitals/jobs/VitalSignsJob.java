package org.cityvitals.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.alert.AlertEngine;
import org.cityvitals.jobs.source.DecodedReading;
import org.cityvitals.jobs.source.SplitDecoded;
import org.cityvitals.jobs.window.AccumulateSamples;
import org.cityvitals.jobs.window.CatalogueWindows;
import org.cityvitals.jobs.window.EmitIndicatorValue;
import org.cityvitals.jobs.window.ReadingsToSamples;
import org.cityvitals.jobs.window.Sample;

import java.time.Instant;
import java.util.List;

/**
 * The catalogue-driven topology: readings → per-(indicator, district) and city-wide windows → indicator values with
 * levels → level alerts. Source and sinks come in through the constructor, so tests and deployments wire the same
 * topology to different ends (see {@link VitalSignsMain} for Kafka and ClickHouse).
 */
public final class VitalSignsJob {

    static final OutputTag<Sample> LATE_SAMPLES = new OutputTag<>("late-samples") { };

    private final JobSettings settings;
    private final CatalogueText catalogue;
    private final Source<DecodedReading, ?, ?> readings;
    private final Outputs outputs;

    /** Where results go; each list may hold several sinks (e.g. ClickHouse and Kafka). */
    public record Outputs(List<Sink<IndicatorValue>> values, List<Sink<AlertEvent>> alerts,
                          List<Sink<DeadLetter>> deadLetters) {}

    public VitalSignsJob(JobSettings settings, CatalogueText catalogue, Source<DecodedReading, ?, ?> readings,
                         Outputs outputs) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.readings = readings;
        this.outputs = outputs;
    }

    /** Adds the topology to {@code env}; run it with {@code env.execute()} or {@code executeAsync()}. */
    public void build(StreamExecutionEnvironment env) {
        WatermarkStrategy<DecodedReading> watermarks = WatermarkStrategy
                .<DecodedReading>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner((r, kafkaTs) -> r.ok() ? r.reading().observedAt().toEpochMilli() : kafkaTs)
                .withIdleness(settings.idleness());

        SingleOutputStreamOperator<Reading> decoded = env
                .fromSource(readings, watermarks, "readings")
                .uid("readings-source")
                .process(new SplitDecoded())
                .uid("decode")
                .name("decode readings");

        SingleOutputStreamOperator<IndicatorValue> values = decoded
                .flatMap(new ReadingsToSamples(catalogue))
                .uid("samples")
                .name("readings to samples")
                .keyBy(Sample::seriesKey)
                .window(new CatalogueWindows(catalogue))
                .allowedLateness(settings.allowedLateness())
                .sideOutputLateData(LATE_SAMPLES)
                .aggregate(new AccumulateSamples(), new EmitIndicatorValue(catalogue))
                .uid("indicator-windows")
                .name("indicator windows");

        DataStream<AlertEvent> alerts = values
                .keyBy(AlertEngine::keyOf)
                .process(new AlertEngine(catalogue, settings.zone()))
                .uid("alert-engine")
                .name("alert engine");

        DataStream<DeadLetter> deadLetters = decoded.getSideOutput(SplitDecoded.DEAD_LETTERS)
                .union(values.getSideOutput(LATE_SAMPLES).map(VitalSignsJob::tooLate).returns(DeadLetter.class).name("late samples"));

        outputs.values().forEach(sink -> values.sinkTo(sink).name(sinkName("values", sink)));
        outputs.alerts().forEach(sink -> alerts.sinkTo(sink).name(sinkName("alerts", sink)));
        outputs.deadLetters().forEach(sink -> deadLetters.sinkTo(sink).name(sinkName("dead letters", sink)));
    }

    /** A sample beyond the allowed lateness can no longer correct its window; keep it as a dead letter. */
    private static DeadLetter tooLate(Sample s) {
        return new DeadLetter(SplitDecoded.SOURCE, "too_late",
                "observed " + Instant.ofEpochMilli(s.timestamp()) + ", after its window closed for good",
                "{\"indicatorId\":\"" + s.indicatorId() + "\",\"district\":\"" + s.district() + "\",\"sensorId\":\""
                        + s.sensorId() + "\",\"value\":" + s.value() + "}",
                Instant.now());
    }

    private static String sinkName(String what, Sink<?> sink) {
        return what + " → " + sink.getClass().getSimpleName();
    }
}
