package org.cityvitals.jobs.incident;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.jobs.testing.Harnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cityvitals.jobs.testing.Events.dispatched;
import static org.cityvitals.jobs.testing.Events.reported;
import static org.cityvitals.jobs.testing.Events.resolved;

/** Each stage of each case once, in the keyed harness; the backlog hears only of cases whose report it saw. */
class IncidentStagesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private final KeyedOneInputStreamOperatorTestHarness<String, Incident, Incident> harness =
            Harnesses.keyed(new IncidentStages(), Incident::id);

    IncidentStagesTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void deliver(Incident stage) throws Exception {
        Instant at = switch (stage.status()) {
            case REPORTED -> stage.reportedAt();
            case DISPATCHED -> stage.dispatchedAt();
            case RESOLVED -> stage.resolvedAt();
        };
        harness.processElement(stage, at.toEpochMilli());
    }

    @Test
    void aStageDeliveredAgainCountsOnceAndLeavesNoPhantomCase() throws Exception {
        Incident report = reported("h-1", IncidentSource.HOTLINE_12345, "noise", "310101", T0);
        Incident done = resolved(report, null, T0.plusSeconds(3600));
        deliver(report);
        deliver(report);
        deliver(done);
        deliver(report); // a client resending after a 503, once the case is closed
        deliver(done);
        assertThat(harness.extractOutputValues()).extracting(Incident::status)
                .containsExactly(IncidentStatus.REPORTED, IncidentStatus.RESOLVED);
        assertThat(harness.getSideOutput(IncidentStages.BACKLOG)).extracting(StreamRecord::getValue)
                .extracting(CaseSpan::reportedAt, CaseSpan::resolvedAt).containsExactly(
                        tuple(T0.toEpochMilli(), CaseSpan.OPEN),
                        tuple(T0.toEpochMilli(), T0.plusSeconds(3600).toEpochMilli()));
    }

    @Test
    void theResolutionOfACaseNeverSeenOpenedCountsForTimeToResolveButNotForTheBacklog() throws Exception {
        Incident report = reported("h-2", IncidentSource.HOTLINE_12345, "noise", "310101", T0.minus(Duration.ofDays(3)));
        deliver(resolved(report, null, T0));
        assertThat(harness.extractOutputValues()).extracting(Incident::status).containsExactly(IncidentStatus.RESOLVED);
        assertThat(harness.getSideOutput(IncidentStages.BACKLOG)).isNull();
    }

    @Test
    void aReportArrivingAfterItsResolutionOpensAndClosesTheCaseAtOnce() throws Exception {
        Incident report = reported("h-3", IncidentSource.FIRE_119, "fire", "310104", T0);
        deliver(dispatched(report, T0.plusSeconds(60)));
        deliver(resolved(report, T0.plusSeconds(60), T0.plusSeconds(900)));
        deliver(report);
        assertThat(harness.getSideOutput(IncidentStages.BACKLOG)).extracting(StreamRecord::getValue)
                .extracting(CaseSpan::reportedAt, CaseSpan::resolvedAt)
                .containsExactly(tuple(T0.toEpochMilli(), T0.plusSeconds(900).toEpochMilli()));
    }

    @Test
    void aCaseIsForgottenTwoDaysAfterItsResolution() throws Exception {
        Incident report = reported("h-4", IncidentSource.HOTLINE_12345, "noise", "310101", T0);
        deliver(report);
        deliver(resolved(report, null, T0.plusSeconds(600)));
        harness.processWatermark(T0.plusSeconds(600).plus(IncidentStages.REMEMBER_RESOLVED).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
