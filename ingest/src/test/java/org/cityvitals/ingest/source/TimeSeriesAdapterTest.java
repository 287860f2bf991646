package org.cityvitals.ingest.source;

import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.signal.RejectReason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bring-your-own adapter on small files whose expected instants are worked out by hand in the comments. */
class TimeSeriesAdapterTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void repeatedAutumnTimesAreTakenInFileOrderAndSpringGapTimesAreRejected() {
        // New York: clocks went back 2021-11-07 02:00 EDT → 01:00 EST, and forward 2021-03-14 02:00 EST → 03:00 EDT
        Mapped mapped = map(spec("generic"), """
                time,passengers
                2021-03-14 01:30:00,1
                2021-03-14 02:30:00,2
                2021-03-14 03:30:00,3
                2021-11-07 01:30:00,4
                2021-11-07 01:30:00,5
                2021-11-07 01:30:00,6
                2021-11-07 02:30:00,7
                """);

        assertThat(mapped.times()).containsExactly(
                Instant.parse("2021-03-14T06:30:00Z"),  // 01:30 EST (UTC-5)
                Instant.parse("2021-03-14T07:30:00Z"),  // 03:30 EDT (UTC-4)
                Instant.parse("2021-11-07T05:30:00Z"),  // first 01:30: still EDT (UTC-4)
                Instant.parse("2021-11-07T06:30:00Z"),  // second 01:30: EST (UTC-5)
                Instant.parse("2021-11-07T07:30:00Z")); // 02:30 EST
        assertThat(mapped.values()).containsExactly(1.0, 3.0, 4.0, 5.0, 7.0);
        assertThat(mapped.rejections).extracting(Rejection::reason).containsExactly(
                RejectReason.NONEXISTENT_LOCAL_TIME, RejectReason.DUPLICATE); // a third 01:30 has no third offset
        assertThat(mapped.rejections.get(0).detail()).startsWith("line 3: ").contains("2021-03-14T02:30")
                .contains("does not exist in America/New_York");
        assertThat(mapped.rejections.get(0).payload()).isEqualTo("2021-03-14 02:30:00,2");
    }

    @Test
    void badTimesAndNumbersAreRejectedWithTheirColumnAndMissingValuesCounted() {
        Mapped mapped = map(spec("generic"), """
                time,passengers
                2021-05-01 00:00:00,10
                yesterday,11
                2021-05-01 01:00:00,many
                2021-05-01 02:00:00,NA
                2021-05-01 03:00:00,
                """);

        assertThat(mapped.values()).containsExactly(10.0);
        assertThat(mapped.missing).isEqualTo(2);
        assertThat(mapped.rejections).extracting(r -> r.reason() + " " + r.detail()).containsExactly(
                "BAD_TIMESTAMP line 3: column time: 'yesterday' does not match yyyy-MM-dd HH:mm:ss",
                "BAD_NUMBER line 4: column passengers: 'many' is not a number");
    }

    @Test
    void aPatternWithAnOffsetNamesTheInstantAndEverySensorIsRegistered() {
        TimeSeriesAdapter adapter = new TimeSeriesAdapter(new TimeSeriesAdapter.Spec("t", "yyyy-MM-dd'T'HH:mmXXX",
                NEW_YORK, "110101", List.of(new TimeSeriesAdapter.Series("pm", "pm25", "my-pm25"),
                new TimeSeriesAdapter.Series("temp", "temperature", "my-temp"))));
        Mapped mapped = map(adapter, """
                t,pm,temp
                2020-01-01T08:00+08:00,35,-2.5
                """);

        assertThat(mapped.times()).containsExactly(Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(adapter.city().id()).isEqualTo("beijing");
        assertThat(adapter.sensorsCreated()).containsExactly(
                new Sensor("my-pm25", "pm25", "110101", null, null, "µg/m³"),
                new Sensor("my-temp", "temperature", "110101", null, null, "°C"));
    }

    @Test
    void wrongSetUpIsRefusedBeforeAnyRow() {
        assertThatThrownBy(() -> new TimeSeriesAdapter(new TimeSeriesAdapter.Spec("t", "yyyy-MM-dd HH:mm",
                NEW_YORK, "us-ny-nyc", List.of(new TimeSeriesAdapter.Series("v", "generic", "s")))))
                .hasMessageContaining("--district us-ny-nyc is the code of New York City as a whole");
        assertThatThrownBy(() -> new TimeSeriesAdapter(new TimeSeriesAdapter.Spec("t", "yyyy-MM-dd HH:mm",
                NEW_YORK, "36061", List.of(new TimeSeriesAdapter.Series("v", "taxis", "s")))))
                .hasMessageContaining("--metric taxis: no such metric");
        assertThatThrownBy(() -> new TimeSeriesAdapter(new TimeSeriesAdapter.Spec("t", "yyyy-MM-dd {",
                NEW_YORK, "36061", List.of(new TimeSeriesAdapter.Series("v", "generic", "s")))))
                .hasMessageContaining("--time-format 'yyyy-MM-dd {' is not a date-time pattern");
        TimeSeriesAdapter adapter = spec("generic");
        assertThatThrownBy(() -> adapter.open(new ByteArrayInputStream("when,value\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("the file has no column passengers, time; its columns are [when, value]");
    }

    private static TimeSeriesAdapter spec(String metric) {
        return new TimeSeriesAdapter(new TimeSeriesAdapter.Spec("time", "yyyy-MM-dd HH:mm:ss", NEW_YORK, "36061",
                List.of(new TimeSeriesAdapter.Series("passengers", metric, "taxi"))));
    }

    private record Mapped(List<Reading> readings, List<Rejection> rejections, int missing) {
        List<Instant> times() {
            return readings.stream().map(Reading::observedAt).toList();
        }

        List<Double> values() {
            return readings.stream().map(Reading::value).toList();
        }
    }

    private static Mapped map(TimeSeriesAdapter adapter, String csv) {
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int missing = 0;
        try (SourceAdapter.RowIterator rows = adapter.open(new ByteArrayInputStream(
                csv.getBytes(StandardCharsets.UTF_8)))) {
            while (rows.hasNext()) {
                MappedRow row = rows.next();
                row.events().forEach(e -> readings.add(EventCodec.decodeReading(e.payload()).value()));
                rejections.addAll(row.rejections());
                missing += row.missingValues();
            }
        }
        return new Mapped(readings, rejections, missing);
    }
}
