package org.cityvitals.jobs;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.jobs.source.KafkaEvents;
import org.cityvitals.jobs.source.KafkaManualResolves;
import org.cityvitals.jobs.testing.CollectingSink;
import org.cityvitals.jobs.testing.JobStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.jobs.testing.Events.reading;

/**
 * A resolve by hand reaches the live job the way the dashboard sends it, through {@code cv.alert-actions} on a real
 * broker: the job closes the episode, and since PM2.5 stays red it opens a new one (a new id) with the next window.
 */
class ManualResolveIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    private static final String HUANGPU = "310101";

    private final JobStack stack = new JobStack();
    private final CollectingSink<AlertEvent> alerts = new CollectingSink<>();

    @Test
    void theJobClosesAnEpisodeResolvedByHandAndOpensANewOneWhileTheConditionHolds() throws Exception {
        var inputs = stack.mark(Topics.READINGS, Topics.INCIDENTS);
        String group = stack.database("manual_resolve");
        JobSettings settings = JobOptions.parse("--kafka", stack.kafka, "--clickhouse", stack.jdbcUrl(),
                "--database", group, "--out-of-orderness", "0s", "--idleness", "1s");
        StreamExecutionEnvironment env = VitalSignsJob.configure(StreamExecutionEnvironment.getExecutionEnvironment(),
                settings);
        new VitalSignsJob(settings, KafkaEvents.from(stack.kafka, group, JobStack.offsets(inputs), null),
                new KafkaManualResolves(stack.kafka, group), new VitalSignsJob.Outputs(List.of(), List.of(alerts),
                List.of(), List.of(), List.of(), List.of())).build(env);
        JobClient job = env.executeAsync("manual resolve");
        try {
            // HJ 633-2012: PM2.5 above 250 µg/m³ is severe (red); the catalogue's for-duration is 0s
            stack.send(redMinutes(0, 3), List.of());
            AlertEvent opened = await(a -> a.kind() == AlertKind.OPENED && a.rule().equals("level"));
            assertThat(opened.level()).isEqualTo(Level.RED);

            stack.sendAlertAction(new AlertAction("action-1", opened.alertId(), HUANGPU, AlertActionKind.RESOLVE,
                    "dispatcher-1", null, null, "checked on site", Instant.now()));
            AlertEvent closed = await(a -> a.kind() == AlertKind.RESOLVED && a.alertId().equals(opened.alertId()));
            assertThat(closed.message()).endsWith("resolved by hand by dispatcher-1");

            stack.send(redMinutes(3, 6), List.of());
            AlertEvent reopened = await(a -> a.kind() == AlertKind.OPENED && !a.alertId().equals(opened.alertId()));
            assertThat(reopened.since()).isAfter(opened.since());
            assertThat(levelAlerts()).extracting(AlertEvent::kind)
                    .containsExactly(AlertKind.OPENED, AlertKind.RESOLVED, AlertKind.OPENED);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Three Huangpu PM2.5 sensors at 300 µg/m³ every 15 s in [from, to) minutes after T0. */
    private static List<Reading> redMinutes(int from, int to) {
        List<Reading> readings = new ArrayList<>();
        for (int second = from * 60; second < to * 60; second += 15) {
            for (int s = 0; s < 3; s++) {
                readings.add(reading("pm25", HUANGPU + "-pm25-" + s, HUANGPU, T0.plusSeconds(second), 300));
            }
        }
        return readings;
    }

    private List<AlertEvent> levelAlerts() {
        return alerts.received().stream().filter(a -> a.rule().equals("level") && a.district().equals(HUANGPU))
                .toList();
    }

    private AlertEvent await(Predicate<AlertEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            var found = levelAlerts().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such alert within 90 s; the job's alerts: " + levelAlerts());
    }
}
