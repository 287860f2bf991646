package org.cityvitals.jobs.window;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.testing.Harnesses;
import org.cityvitals.jobs.testing.TestCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The combiner in Flink's operator harness: what it holds and when it lets go (hand-worked), that it keeps no state
 * across a checkpoint, and, as a property, that pane windows behind it give exactly the values, versions and too-late
 * samples they give without it.
 */
class QualitySampleCombinerTest {

    private static final long T0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final long LATENESS = 2 * MINUTE;
    private static final CatalogueText CATALOGUE = TestCatalogue.of(TestCatalogue.MEAN_3M,
            TestCatalogue.AIR_COMPLETENESS, TestCatalogue.AIR_FRESHNESS, TestCatalogue.AIR_REJECTED);

    private OneInputStreamOperatorTestHarness<Sample, Sample> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static OneInputStreamOperatorTestHarness<Sample, Sample> open() throws Exception {
        OneInputStreamOperatorTestHarness<Sample, Sample> h =
                new OneInputStreamOperatorTestHarness<>(new QualitySampleCombiner(CATALOGUE));
        h.open();
        return h;
    }

    private void send(Sample s) throws Exception {
        harness.processElement(s, s.timestamp());
    }

    private static Sample quality(String indicator, String sensor, long at) {
        return Sample.of(indicator, "310101", 1, false, sensor, at);
    }

    @Test
    void qualitySamplesOfOnePaneLeaveAsOneWeightedSampleEachBeforeTheWatermark() throws Exception {
        harness = open();
        // pane [0, 1m): s1 twice and s2 once, each a completeness and a freshness fact; one PM2.5 measurement
        send(quality("t.completeness", "s1", T0 + 10_000));
        send(quality("t.freshness", "s1", T0 + 10_000));
        send(quality("t.completeness", "s1", T0 + 40_000));
        send(quality("t.freshness", "s1", T0 + 40_000));
        send(quality("t.completeness", "s2", T0 + 30_000));
        send(quality("t.freshness", "s2", T0 + 30_000));
        send(Sample.of("t.mean", "310101", 42, false, "s1", T0 + 20_000));
        assertThat(harness.extractOutputValues()).extracting(Sample::indicatorId).containsExactly("t.mean");

        harness.processWatermark(T0 + 50_000);
        // completeness counts sensors, so per sensor: s1 × 2 (newest 40 s), s2 × 1; freshness needs no sensor:
        // 3 readings, the newest at 40 s
        assertThat(harness.extractOutputValues()).extracting(Sample::indicatorId, Sample::sensorId, Sample::weight,
                Sample::timestamp).containsExactlyInAnyOrder(
                tuple("t.mean", "s1", 1L, T0 + 20_000),
                tuple("t.completeness", "s1", 2L, T0 + 40_000),
                tuple("t.completeness", "s2", 1L, T0 + 30_000),
                tuple("t.freshness", "", 3L, T0 + 40_000));
        assertThat(new ArrayList<>(harness.getOutput())).last().isEqualTo(new Watermark(T0 + 50_000));
    }

    @Test
    void aSampleForAPaneWhoseFirstWindowIsOutGoesOnAtOnceUncombined() throws Exception {
        harness = open();
        harness.processWatermark(T0 + MINUTE - 1); // the first window of pane [0, 1m) ends at 1m: out
        send(quality("t.rejected", "s1", T0 + 30_000));
        send(quality("t.rejected", "s2", T0 + 35_000));
        assertThat(harness.extractOutputValues()).extracting(Sample::sensorId, Sample::weight)
                .containsExactly(tuple("s1", 1L), tuple("s2", 1L));
    }

    @Test
    void aCheckpointFindsNothingHeldAndNoState() throws Exception {
        harness = open();
        send(quality("t.rejected", "s1", T0 + 10_000));
        send(quality("t.rejected", "s2", T0 + 20_000));
        harness.prepareSnapshotPreBarrier(1);
        OperatorSubtaskState snapshot = harness.snapshot(1, 0);
        assertThat(harness.extractOutputValues()).extracting(Sample::sensorId, Sample::weight, Sample::timestamp)
                .containsExactly(tuple("", 2L, T0 + 20_000));
        assertThat(snapshot.getManagedOperatorState()).isEmpty();
        assertThat(snapshot.getRawOperatorState()).isEmpty();
    }

    @Test
    void theEndOfTheInputSendsWhatIsHeld() throws Exception {
        harness = open();
        send(quality("t.rejected", "s1", T0 + 10_000));
        harness.getOneInputOperator().finish();
        assertThat(harness.extractOutputValues()).extracting(Sample::weight).containsExactly(1L);
    }

    /** One step of an input: a quality or measurement sample, or the watermark moving on. */
    record Step(String indicator, String sensor, long at, boolean watermark) {}

    @Property(tries = 30)
    void paneWindowsBehindTheCombinerGiveWhatTheyGiveWithoutIt(@ForAll("inputs") List<Step> steps)
            throws Exception {
        Outcome alone = windows(steps, false);
        Outcome combined = windows(steps, true);
        assertThat(combined.values).containsExactlyInAnyOrderElementsOf(alone.values);
        assertThat(combined.tooLate).containsExactlyInAnyOrderElementsOf(alone.tooLate);
    }

    private record Outcome(List<IndicatorValue> values, List<Sample> tooLate) {}

    private static Outcome windows(List<Step> steps, boolean combine) throws Exception {
        List<Object> stream = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (Step step : steps) {
            if (step.watermark()) {
                watermark = Math.max(watermark, step.at());
                stream.add(new Watermark(watermark));
            } else {
                double value = step.indicator().equals("t.mean") ? step.at() % 97 : 1;
                stream.add(new StreamRecord<>(Sample.of(step.indicator(), "310101", value, false, step.sensor(),
                        step.at()), step.at()));
            }
        }
        stream.add(Watermark.MAX_WATERMARK);
        if (combine) {
            try (OneInputStreamOperatorTestHarness<Sample, Sample> combiner = open()) {
                feed(combiner, stream);
                stream = new ArrayList<>(combiner.getOutput());
            }
        }
        try (KeyedOneInputStreamOperatorTestHarness<String, Sample, IndicatorValue> windows =
                     Harnesses.keyed(new PaneWindows(CATALOGUE, LATENESS, true), Sample::seriesKey)) {
            feed(windows, stream);
            List<Sample> tooLate = new ArrayList<>();
            if (windows.getSideOutput(PaneWindows.TOO_LATE) != null) {
                windows.getSideOutput(PaneWindows.TOO_LATE).forEach(r -> tooLate.add(r.getValue()));
            }
            return new Outcome(windows.extractOutputValues(), tooLate);
        }
    }

    /** Feeds records and watermarks, in order, as an operator's output queue holds them. */
    private static void feed(OneInputStreamOperatorTestHarness<Sample, ?> harness, List<Object> stream)
            throws Exception {
        for (Object element : stream) {
            if (element instanceof Watermark w) {
                harness.processWatermark(w);
            } else {
                @SuppressWarnings("unchecked")
                StreamRecord<Sample> r = (StreamRecord<Sample>) element;
                harness.processElement(r);
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> inputs() {
        Arbitrary<Step> sample = Combinators.combine(
                Arbitraries.of("t.completeness", "t.freshness", "t.rejected", "t.mean"),
                Arbitraries.of("s1", "s2", "s3"),
                Arbitraries.longs().between(0, 12 * MINUTE)).as((i, s, at) -> new Step(i, s, T0 + at, false));
        Arbitrary<Step> watermark = Arbitraries.longs().between(0, 12 * MINUTE)
                .map(at -> new Step("", "", T0 + at, true));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, sample), net.jqwik.api.Tuple.of(1, watermark))
                .list().ofMinSize(1).ofMaxSize(60);
    }
}
