package org.cityvitals.jobs;

import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.jobs.alert.LevelRule;
import org.cityvitals.store.ClickHouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The deployed topology on a Flink MiniCluster against a real Kafka broker and a real ClickHouse server. */
class VitalSignsIT {

    @RegisterExtension
    static final StackFixture stack = new StackFixture(2);

    @Test
    void oneDistrictOverTheThresholdAlertsAloneAndEveryWindowIsStored() throws Exception {
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        String[] districts = {"310101", "310104", "310115"};
        List<Reading> readings = new ArrayList<>();
        Map<String, double[]> sums = new TreeMap<>(); // "district|minute" -> {sum, count}
        for (int minute = 0; minute < 5; minute++) {
            for (String d : districts) {
                for (int s = 0; s < 3; s++) {
                    // Huangpu (310101) climbs into yellow (>= 115) from minute 2; the others stay normal.
                    double value = d.equals("310101") && minute >= 2 ? 120 + s * 5 : 30 + minute + s;
                    Instant at = t0.plusSeconds(minute * 60L + s * 15L);
                    readings.add(StackFixture.pm25(d + "-pm25-" + s, d, at, value));
                    for (String key : List.of(d + "|" + minute, "310000|" + minute)) {
                        double[] acc = sums.computeIfAbsent(key, k -> new double[2]);
                        acc[0] += value;
                        acc[1]++;
                    }
                }
            }
        }
        stack.send(readings, "{not json", "{\"sensorId\":\"x\"}");

        stack.runToEnd(stack.bounded("vitals_it"));

        ClickHouse ch = new ClickHouse(stack.clickHouse.jdbcUrl("default"));
        Map<String, Double> stored = new TreeMap<>();
        ch.query("SELECT district, toUnixTimestamp(window_start), value FROM vitals_it.indicator_values FINAL "
                + "WHERE indicator_id = 'air.pm25'", rs -> stored.put(rs.getString(1) + "|"
                + (rs.getLong(2) - t0.getEpochSecond()) / 60, rs.getDouble(3)));
        assertThat(stored.keySet()).isEqualTo(sums.keySet());
        sums.forEach((key, acc) -> assertThat(stored.get(key)).as(key).isCloseTo(acc[0] / acc[1], within(1e-9)));

        // The jump into yellow also trips the rate-of-change rule; the threshold alert is the level rule's opening.
        List<AlertEvent> alerts = stack.readAll(Topics.ALERT_EVENTS, 1).stream()
                .map(json -> SignalCodec.fromJson(json, AlertEvent.class))
                .filter(a -> a.rule().equals(LevelRule.RULE) && a.kind() == AlertKind.OPENED).toList();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.district()).isEqualTo("310101");
            assertThat(a.kind()).isEqualTo(AlertKind.OPENED);
            assertThat(a.level()).isEqualTo(Level.YELLOW);
        });
        assertThat(ch.query("SELECT district, level FROM vitals_it.alert_events FINAL WHERE rule = 'level' AND kind = 'opened'",
                rs -> rs.getString(1) + "/" + rs.getString(2))).containsExactly("310101/yellow");

        List<DeadLetter> dead = stack.readAll(Topics.DEAD_LETTERS, 2).stream()
                .map(json -> SignalCodec.fromJson(json, DeadLetter.class)).toList();
        assertThat(dead).extracting(DeadLetter::reason).containsExactly("invalid_reading", "invalid_reading");
        assertThat(dead).extracting(DeadLetter::payload).containsExactlyInAnyOrder("{not json", "{\"sensorId\":\"x\"}");
    }
}
