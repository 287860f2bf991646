package org.cityvitals.jobs.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.jobs.CatalogueText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anomaly rule on series with known answers: a zero-inflated week of rain and gas that must stay quiet, a step that
 * must open and later resolve, and the Numenta Anomaly Benchmark's NYC taxi series with its labelled windows, judged
 * with the rule's fixed parameters (the end-to-end evaluation through replay is in docs/BENCHMARKS.md).
 */
class AnomalyRuleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Path NAB = Path.of("..", "data", "samples", "nab_nyc_taxi.csv");
    private static final Path NAB_WINDOWS = Path.of("..", "data", "samples", "nab_nyc_taxi_windows.json");

    private static IndicatorDefinition indicator(String id) {
        return CatalogueText.shipped().get().byId(id).orElseThrow();
    }

    /** The rule's events over consecutive windows of the indicator, the first one ending one slide after start. */
    private static List<AlertEvent> judge(IndicatorDefinition d, Instant start, double[] values, ZoneId zone,
                                          String area) {
        Instant[] ends = new Instant[values.length];
        for (int i = 0; i < values.length; i++) {
            ends[i] = start.plus(d.window().slide().multipliedBy(i + 1));
        }
        return judge(d, ends, values, zone, area);
    }

    /** The rule's events over the windows ending at {@code ends}. */
    private static List<AlertEvent> judge(IndicatorDefinition d, Instant[] ends, double[] values, ZoneId zone,
                                          String area) {
        AnomalyRule.State state = new AnomalyRule.State();
        List<AlertEvent> events = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            IndicatorValue v = new IndicatorValue(d.id(), area, ends[i].minus(d.window().size()), ends[i], values[i],
                    1, Level.NORMAL, 1);
            AnomalyRule.apply(state, v, d, zone, Origin.LIVE).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void aWeekOfZerosWithOccasionalDrizzleOrTraceGasRaisesNothing() {
        Random random = new Random(20261201);
        // rain_3h every 10 minutes for 8 days: mostly dry, now and then a 3-hour sum of 0.1 to 1.5 mm
        double[] rain = new double[8 * 24 * 6];
        for (int i = 0; i < rain.length; i++) {
            rain[i] = random.nextInt(40) == 0 ? 0.1 + random.nextInt(15) / 10.0 : 0;
        }
        assertThat(judge(indicator("weather.rain_3h"), T0, rain, SHANGHAI, "310101")).isEmpty();
        // gas every minute for 8 days: 0 %LEL, sometimes a trace of 0.5 to 1.5 %LEL
        double[] gas = new double[8 * 24 * 60];
        for (int i = 0; i < gas.length; i++) {
            gas[i] = random.nextInt(200) == 0 ? 0.5 + random.nextInt(11) / 10.0 : 0;
        }
        assertThat(judge(indicator("gas.leak_lel"), T0, gas, SHANGHAI, "310101")).isEmpty();
    }

    @Test
    void aStepOpensOnceAndAnEpisodeIsNeverLearnt() {
        // noise level 50 ± 1 dB for two days, then 65 for two hours, then back
        double[] noise = new double[2 * 24 * 12 + 24 + 24];
        Random random = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            boolean step = i >= 2 * 24 * 12 && i < 2 * 24 * 12 + 24;
            noise[i] = (step ? 65 : 50) + random.nextGaussian();
        }
        List<AlertEvent> events = judge(indicator("air.noise"), T0, noise, SHANGHAI, "310101");
        assertThat(events).extracting(AlertEvent::kind).containsExactly(AlertKind.OPENED, AlertKind.RESOLVED);
        // opened on the second window of the step, resolved on the first window back: the step was not learnt
        long stepStart = T0.plus(Duration.ofMinutes(5L * (2 * 24 * 12 + 1))).getEpochSecond();
        assertThat(events.get(0).since().getEpochSecond()).isEqualTo(stepStart);
        assertThat(events.get(1).eventTime().getEpochSecond() - stepStart).isEqualTo(24 * 300);
    }

    @Test
    void theNabTaxiSeriesAnomaliesAreFoundWithFewFalseOpenings() throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        ZoneId newYork = ZoneId.of("America/New_York");
        List<String> lines = Files.readAllLines(NAB);
        double[] taxis = new double[lines.size() - 1];
        Instant[] ends = new Instant[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            // local New York clock times, as the replay's adapter reads them; a bucket's window ends 30 minutes on
            ends[i - 1] = LocalDateTime.parse(cells[0], format).atZone(newYork).toInstant().plusSeconds(1800);
            taxis[i - 1] = Double.parseDouble(cells[1]);
        }
        List<Instant[]> windows = new ArrayList<>();
        JsonNode labelled = new ObjectMapper().readTree(NAB_WINDOWS.toFile()).get("nab_nyc_taxi.csv");
        for (JsonNode w : labelled) {
            windows.add(new Instant[] {
                    LocalDateTime.parse(w.get(0).asText().substring(0, 19), format).atZone(newYork).toInstant(),
                    LocalDateTime.parse(w.get(1).asText().substring(0, 19), format).atZone(newYork).toInstant()});
        }
        // an opening is dated, as NAB dates detections, by the bucket it fired on
        List<Instant> openings = judge(indicator("generic.value"), ends, taxis, newYork, "36061").stream()
                .filter(e -> e.kind() == AlertKind.OPENED).map(e -> e.eventTime().minus(Duration.ofMinutes(30)))
                .toList();
        long inside = openings.stream().filter(o -> windows.stream().anyMatch(w -> inWindow(o, w))).count();
        long windowsHit = windows.stream().filter(w -> openings.stream().anyMatch(o -> inWindow(o, w))).count();
        double weeks = taxis.length / (2.0 * 24 * 7);
        System.out.printf("NAB nyc_taxi: %d openings, %d inside a labelled window, %d of %d windows hit, "
                + "%.2f false openings per week%n", openings.size(), inside, windowsHit, windows.size(),
                (openings.size() - inside) / weeks);
        assertThat((double) windowsHit / windows.size()).as("share of labelled windows found").isGreaterThanOrEqualTo(0.8);
        assertThat((double) inside / openings.size()).as("share of openings inside a window").isGreaterThanOrEqualTo(0.5);
    }

    private static boolean inWindow(Instant t, Instant[] window) {
        return !t.isBefore(window[0]) && !t.isAfter(window[1]);
    }

}
