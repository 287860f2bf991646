package org.cityvitals.jobs.incident;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.window.Sample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Incident lifecycle events → window samples and the running backlog, on the shipped catalogue. */
class IncidentKpiTest {

    private static final CatalogueText CATALOGUE = CatalogueText.shipped();
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static Incident hotline(String id, IncidentStatus status, int reportedMin, Integer dispatchedMin,
                                    Integer resolvedMin) {
        return new Incident(id, IncidentSource.HOTLINE_12345, "noise", "construction", "310101", 3, status,
                T0.plus(Duration.ofMinutes(reportedMin)),
                dispatchedMin == null ? null : T0.plus(Duration.ofMinutes(dispatchedMin)),
                resolvedMin == null ? null : T0.plus(Duration.ofMinutes(resolvedMin)), null, null);
    }

    private static <T> List<T> collect(java.util.function.BiConsumer<Incident, Collector<T>> f, Incident i) {
        List<T> out = new ArrayList<>();
        f.accept(i, new Collector<>() {
            public void collect(T record) {
                out.add(record);
            }

            public void close() {
            }
        });
        return out;
    }

    @Test
    void reportsCountAsNewCasesAndDispatchesContributeTheirMinutes() {
        IncidentsToSamples toSamples = new IncidentsToSamples(CATALOGUE);
        assertThat(collect(toSamples::flatMap, hotline("a", IncidentStatus.REPORTED, 0, null, null)))
                .extracting(Sample::indicatorId, Sample::district, Sample::value)
                .containsExactlyInAnyOrder(tuple("hotline.new_per_hour", "310101", 1.0),
                        tuple("hotline.new_per_hour", "310000", 1.0));
        assertThat(collect(toSamples::flatMap, hotline("a", IncidentStatus.DISPATCHED, 0, 12, null)))
                .filteredOn(s -> s.district().equals("310101"))
                .extracting(Sample::indicatorId, Sample::value, Sample::timestamp)
                .containsExactlyInAnyOrder(
                        tuple("hotline.dispatch_p50", 12.0, T0.plus(Duration.ofMinutes(12)).toEpochMilli()),
                        tuple("hotline.dispatch_p90", 12.0, T0.plus(Duration.ofMinutes(12)).toEpochMilli()));
        assertThat(collect(toSamples::flatMap, hotline("a", IncidentStatus.RESOLVED, 0, 12, 90)))
                .filteredOn(s -> s.district().equals("310101")).extracting(Sample::indicatorId, Sample::value)
                .containsExactlyInAnyOrder(tuple("hotline.resolve_p50", 90.0), tuple("hotline.resolve_p90", 90.0));
    }

    @Test
    void theBacklogCountsOpenCasesAtEverySlideAndForgetsTheSeriesOnceEmpty() throws Exception {
        IndicatorDefinition backlog = CATALOGUE.get().byId("hotline.backlog").orElseThrow();
        long slide = backlog.window().slide().toMillis();
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new IncidentBacklog(CATALOGUE)), BacklogChange::seriesKey, Types.STRING);
        harness.open();
        // In event-time order, the watermark following each event as it would in the job.
        List<Incident> events = List.of(
                hotline("a", IncidentStatus.REPORTED, 0, null, null),
                hotline("b", IncidentStatus.REPORTED, 1, null, null),
                hotline("b", IncidentStatus.DISPATCHED, 1, 2, null), // still open, not counted twice
                hotline("c", IncidentStatus.REPORTED, 2, null, null),
                hotline("a", IncidentStatus.RESOLVED, 0, 3, 7),
                hotline("b", IncidentStatus.RESOLVED, 1, 2, 20),
                hotline("c", IncidentStatus.RESOLVED, 2, 5, 21));
        BacklogChanges changes = new BacklogChanges(CATALOGUE);
        for (Incident i : events) {
            long at = (i.resolvedAt() != null ? i.resolvedAt()
                    : i.dispatchedAt() != null ? i.dispatchedAt() : i.reportedAt()).toEpochMilli();
            for (BacklogChange c : collect(changes::flatMap, i)) {
                if (c.district().equals("310101") && c.indicatorId().equals(backlog.id())) {
                    harness.processElement(c, at);
                }
            }
            harness.processWatermark(at);
        }
        harness.processWatermark(T0.plus(Duration.ofHours(1)).toEpochMilli());

        assertThat(harness.extractOutputValues()).extracting(IndicatorValue::windowEnd, IndicatorValue::value)
                .startsWith(tuple(T0.plusMillis(slide), 3.0), tuple(T0.plusMillis(2 * slide), 2.0))
                .last().isEqualTo(tuple(T0.plusMillis(5 * slide), 0.0));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        harness.close();
    }
}
