package org.cityvitals.jobs;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.testing.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cityvitals.jobs.testing.Events.reading;

/**
 * The recipe "add an indicator" of docs/ARCHITECTURE.md, done once: the shipped catalogue plus one entry
 * ({@code recipes/extra-indicator.yaml}, appended as a newcomer appends it to indicators.yaml), given to the job with
 * {@code --catalogue} as an operator would, and nothing else changed. Its values, levels and alert come out of the
 * production topology; every expected figure is worked out by hand below from the entry's own thresholds.
 */
class AddIndicatorRecipeTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final String PEAK = "air.pm25_peak";
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void anIndicatorAddedToTheCatalogueFlowsToValuesAndAlerts(@TempDir Path dir) throws Exception {
        Path catalogue = dir.resolve("indicators.yaml");
        Files.writeString(catalogue,
                resource("/catalogue/indicators.yaml") + "\n" + resource("/recipes/extra-indicator.yaml"));

        Topology run = Topology.run(List.of(
                        // 08:00 Huangpu: three sensors at 80, 160, 120; Xuhui: 90 and 95
                        reading("pm25", "a", "310101", T0.plusSeconds(10), 80),
                        reading("pm25", "b", "310101", T0.plusSeconds(20), 160),
                        reading("pm25", "c", "310101", T0.plusSeconds(30), 120),
                        reading("pm25", "d", "310104", T0.plusSeconds(10), 90),
                        reading("pm25", "e", "310104", T0.plusSeconds(40), 95),
                        // 08:01 Huangpu: 60 and 70
                        reading("pm25", "a", "310101", T0.plusSeconds(70), 60),
                        reading("pm25", "b", "310101", T0.plusSeconds(80), 70),
                        // hours later, so that every window above closes
                        reading("pm25", "a", "310101", T0.plus(Duration.ofHours(4)), 30)),
                List.of(), "--catalogue", catalogue.toString(), "--out-of-orderness", "0s");

        // the peak of each minute: Huangpu max(80, 160, 120) = 160, yellow (150 ≤ 160 < 200), then max(60, 70) = 70
        assertThat(run.values(PEAK, "310101").subList(0, 2))
                .extracting(IndicatorValue::windowStart, IndicatorValue::value, IndicatorValue::samples,
                        IndicatorValue::level)
                .containsExactly(tuple(T0, 160.0, 3L, Level.YELLOW), tuple(T0.plusSeconds(60), 70.0, 2L, Level.NORMAL));
        // Xuhui max(90, 95) = 95, below blue (100)
        assertThat(run.values(PEAK, "310104")).first()
                .extracting(IndicatorValue::value, IndicatorValue::level).containsExactly(95.0, Level.NORMAL);
        // the city is the highest of its districts (city: max_of_districts): max(160, 95) = 160
        assertThat(run.values(PEAK, "310000")).first()
                .extracting(IndicatorValue::value, IndicatorValue::level).containsExactly(160.0, Level.YELLOW);
        // the shipped mean is untouched: Huangpu (80 + 160 + 120) / 3 = 120
        assertThat(run.values("air.pm25", "310101")).first().extracting(IndicatorValue::value).isEqualTo(120.0);

        // the level rule opens at the end of the yellow window (for: 0s) with the yellow threshold, and resolves when
        // 70 is back below 150 - 5 (hysteresis) at the end of the next
        List<AlertEvent> huangpu = run.alerts.received().stream()
                .filter(a -> a.indicatorId().equals(PEAK) && a.district().equals("310101") && a.rule().equals("level"))
                .toList();
        assertThat(huangpu).extracting(AlertEvent::rule, AlertEvent::kind, AlertEvent::level, AlertEvent::value,
                        AlertEvent::threshold, AlertEvent::eventTime)
                .containsExactly(
                        tuple("level", AlertKind.OPENED, Level.YELLOW, 160.0, 150.0, T0.plusSeconds(60)),
                        tuple("level", AlertKind.RESOLVED, Level.NORMAL, 70.0, 150.0, T0.plusSeconds(120)));
        assertThat(run.alerts.received()).noneMatch(a -> a.indicatorId().equals(PEAK)
                && a.district().equals("310104") && a.rule().equals("level"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(AddIndicatorRecipeTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
