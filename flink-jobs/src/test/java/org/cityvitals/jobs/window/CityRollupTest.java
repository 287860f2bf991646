package org.cityvitals.jobs.window;

import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cityvitals.indicators.catalogue.Aggregation;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.testing.Harnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The city rollup in the keyed harness, with the shipped catalogue's city rules. */
class CityRollupTest {

    private static final long END = Instant.parse("2026-03-02T00:01:00Z").toEpochMilli();
    private static final long LATENESS = 600_000;

    private final KeyedOneInputStreamOperatorTestHarness<String, CityPart, IndicatorValue> harness =
            Harnesses.keyed(new CityRollup(CatalogueText.shipped(), LATENESS), CityRollup::keyOf);

    CityRollupTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void part(String indicator, String district, long version, double value, Accumulator acc)
            throws Exception {
        harness.processElement(new CityPart(indicator, "310000", district, END - 60_000, END, version, value,
                acc == null ? 1 : acc.count, acc, 0), END - 1);
    }

    private static Accumulator mean(double... values) {
        Accumulator acc = new Accumulator();
        for (double v : values) {
            acc.add(Sample.of("air.pm25", "x", v, false, "s", END - 30_000), Aggregation.MEAN);
        }
        return acc;
    }

    @Test
    void aPooledMeanIsOverEverySensorOfTheCity() throws Exception {
        part("air.pm25", "310101", 1, 110, mean(100, 120));
        part("air.pm25", "310104", 1, 50, mean(40, 50, 60));
        harness.processWatermark(END - 1);
        // (100 + 120 + 40 + 50 + 60) / 5 = 74: normal, where the mean of district means (80) would be blue
        assertThat(harness.extractOutputValues()).extracting(IndicatorValue::district, IndicatorValue::value,
                IndicatorValue::samples, IndicatorValue::level).containsExactly(tuple("310000", 74.0, 5L, Level.NORMAL));
    }

    @Test
    void aPooledValueIsTheSameBitForBitWhateverOrderTheDistrictsArrivedIn() throws Exception {
        // in doubles (0.3 + 0.2) + 0.1 = 0.6 but (0.1 + 0.3) + 0.2 = 0.6000000000000001: a sum in arrival or hash
        // order could make a second replay store another city mean
        part("air.pm25", "310105", 1, 0.1, mean(0.1));
        part("air.pm25", "310104", 1, 0.2, mean(0.2));
        part("air.pm25", "310101", 1, 0.3, mean(0.3));
        harness.processWatermark(END - 1);

        // merged by area code, 310101 first
        assertThat(harness.extractOutputValues()).extracting(IndicatorValue::value)
                .containsExactly(((0.3 + 0.2) + 0.1) / 3);
    }

    @Test
    void countsAddUpAndHaveNoCityLevels() throws Exception {
        part("hotline.backlog", "310101", 1, 150, null);
        part("hotline.backlog", "310104", 1, 180, null);
        harness.processWatermark(END - 1);
        // two districts under the district blue of 200 each; the city's 330 is not judged against it
        assertThat(harness.extractOutputValues()).extracting(IndicatorValue::value, IndicatorValue::level)
                .containsExactly(tuple(330.0, Level.NORMAL));
    }

    @Test
    void customersWithoutPowerAddUpAndKeepTheirAbsoluteThresholds() throws Exception {
        part("power.outage_customers", "310101", 1, 600, null);
        part("power.outage_customers", "310104", 1, 700, null);
        harness.processWatermark(END - 1);
        // 1,300 customers city-wide reach the yellow threshold of 1,000 (each district alone is blue)
        assertThat(harness.extractOutputValues()).extracting(IndicatorValue::value, IndicatorValue::level)
                .containsExactly(tuple(1300.0, Level.YELLOW));
    }

    @Test
    void aDistrictCorrectionReEmitsTheCityWindowWithTheNextVersionAndARepeatIsIgnored() throws Exception {
        part("weather.rain_3h", "310101", 1, 4, null);
        part("weather.rain_3h", "310104", 1, 6, null);
        harness.processWatermark(END - 1);
        part("weather.rain_3h", "310104", 2, 10, null);
        part("weather.rain_3h", "310104", 2, 10, null);
        part("weather.rain_3h", "310104", 1, 6, null);
        // rainfall is the mean of the districts: (4 + 6) / 2, then (4 + 10) / 2
        assertThat(harness.extractOutputValues()).extracting(IndicatorValue::value, IndicatorValue::version)
                .containsExactly(tuple(5.0, 1L), tuple(7.0, 2L));
    }

    @Test
    void sharesThatAllComeAfterTheWatermarkMakeOneCityValueAtTheNextWatermark() throws Exception {
        // an input that was idle resumes: the watermark has passed the end before any district's share came
        harness.processWatermark(END + 5_000);
        part("air.pm25", "310101", 1, 110, mean(100, 120));
        part("air.pm25", "310104", 1, 50, mean(40, 50, 60));
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processWatermark(END + 6_000);
        // (100 + 120 + 40 + 50 + 60) / 5 = 74, once; not first 110 (blue) from Huangpu's share alone
        assertThat(harness.extractOutputValues()).extracting(IndicatorValue::value, IndicatorValue::version)
                .containsExactly(tuple(74.0, 1L));
        harness.processWatermark(END + LATENESS);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aShareAfterTheEndOfTheInputIsEmittedAtOnce() throws Exception {
        // no watermark follows the end of the input, so a share still in flight cannot wait for one
        harness.processWatermark(Long.MAX_VALUE);
        part("air.pm25", "310101", 1, 110, mean(100, 120));
        assertThat(harness.extractOutputValues()).extracting(IndicatorValue::value).containsExactly(110.0);
    }

    @Test
    void nothingIsLeftOnceNoWindowCanBeCorrected() throws Exception {
        part("air.pm25", "310101", 1, 110, mean(100, 120));
        harness.processWatermark(END + LATENESS);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
