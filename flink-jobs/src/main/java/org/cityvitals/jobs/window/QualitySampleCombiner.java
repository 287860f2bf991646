package org.cityvitals.jobs.window;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.cityvitals.indicators.catalogue.Aggregation;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.jobs.CatalogueText;

import java.util.HashMap;
import java.util.Map;

/**
 * Combines a task's data-quality samples of one pane before the shuffle, as a combiner does before a reduce. Every
 * valid reading yields a completeness and a freshness sample of its network beside its one or two measurement
 * samples, so two thirds of what crossed the network to {@link PaneWindows} were quality facts whose windows need
 * only how many there were, the newest, and (completeness) which sensors sent them. Those are held per (indicator,
 * district, pane, sensor where the aggregation counts sensors) and sent as one {@link Sample#combined weighted
 * sample}; everything else passes straight through.
 *
 * <p>Nothing held can become late or be lost: everything held is sent before a watermark or an idle status is
 * passed on (so a sample reaches its window before the watermark that closes it, as it would have alone), before a
 * checkpoint barrier (so the operator has no state and a restore replays from the source as before), at the end of
 * the input, and whenever {@link #MAX_HELD} groups are held. A sample for a pane whose first window the watermark has
 * already passed is a correction: it goes on at once, uncombined, so that corrections and their versions are what
 * they were. Combining changes no window's value: count, newest and sensor set are the same however the samples are
 * grouped, and only aggregations that read nothing else are combined.
 */
public final class QualitySampleCombiner extends AbstractStreamOperator<Sample>
        implements OneInputStreamOperator<Sample, Sample> {

    private static final long serialVersionUID = 1L;
    /** Bounds the memory held between two watermarks; a few hundred groups are usual (17 areas × 7 networks × 2). */
    static final int MAX_HELD = 10_000;

    private final CatalogueText catalogue;
    private transient Map<Group, Held> held;
    private transient long watermark;

    private record Group(String indicatorId, String district, long pane, String sensorId) {}

    private static final class Held {
        long weight;
        long newest = Long.MIN_VALUE;
    }

    public QualitySampleCombiner(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void open() throws Exception {
        super.open();
        held = new HashMap<>();
        watermark = Long.MIN_VALUE;
    }

    @Override
    public void processElement(StreamRecord<Sample> record) throws Exception {
        Sample s = record.getValue();
        IndicatorDefinition d = s.presence() ? null : catalogue.get().byId(s.indicatorId()).orElse(null);
        if (d == null || !combinable(d)) {
            output.collect(record);
            return;
        }
        long slide = d.window().slide().toMillis();
        long pane = Math.floorDiv(s.timestamp(), slide) * slide;
        if (pane + slide - 1 <= watermark) {
            output.collect(record); // a correction of a window already emitted
            return;
        }
        String sensor = countsSensors(d.aggregation()) ? s.sensorId() : "";
        Held group = held.computeIfAbsent(new Group(s.indicatorId(), s.district(), pane, sensor), g -> new Held());
        group.weight += s.weight();
        group.newest = Math.max(group.newest, s.timestamp());
        if (held.size() >= MAX_HELD) {
            sendHeld();
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        sendHeld();
        watermark = Math.max(watermark, mark.getTimestamp());
        super.processWatermark(mark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        sendHeld(); // an idle input no longer holds the watermark back: what it holds would arrive late
        super.processWatermarkStatus(status);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        sendHeld();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        sendHeld();
        super.finish();
    }

    private void sendHeld() {
        if (held.isEmpty()) {
            return;
        }
        for (Map.Entry<Group, Held> e : held.entrySet()) {
            Group g = e.getKey();
            Held h = e.getValue();
            output.collect(new StreamRecord<>(
                    Sample.combined(g.indicatorId(), g.district(), g.sensorId(), h.newest, h.weight), h.newest));
        }
        held.clear();
    }

    /** Quality samples (value 1 each) of an aggregation that reads only their count, newest and sensors. */
    private static boolean combinable(IndicatorDefinition d) {
        return d.source().isQuality() && switch (d.aggregation()) {
            case COUNT, AGE, DISTINCT, COVERAGE -> true;
            default -> false;
        };
    }

    private static boolean countsSensors(Aggregation aggregation) {
        return aggregation == Aggregation.DISTINCT || aggregation == Aggregation.COVERAGE;
    }
}
