package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * Unusual for the time of week, even when inside static limits, and robust to zero-inflated and heavy-tailed series.
 *
 * <p>The expected value is a median: of the same slot of the week over the last {@value #WEEKS} weeks (slots of the
 * window's slide, at least 30 minutes and at most a day; each week's slot holds the mean of the values seen in it),
 * once at least {@value #COVERAGE_PERCENT} % of the week's slots hold {@value #MIN_WEEKS} weeks; before that, of the
 * last {@value #RECENT} values (a new or short series). The scale is the median absolute deviation of the last
 * {@value #RESIDUALS} values from what was expected of them (times 1.4826, the normal consistency factor), and never
 * below the indicator's anomaly floor, so a series that is almost always 0 (rain, gas, outages) needs a deviation of
 * several floors — not any drizzle — to be unusual. {@value #STRIKES} consecutive windows at least {@value #OPEN_Z}
 * scales on the worse side (either side for a series without a direction) open a blue episode; a value back within
 * {@value #CLOSE_Z} scales resolves it. Values judged unusual and values inside an open episode are not learned, so
 * an episode never becomes the new normal. The parameters are the same for every series; docs/BENCHMARKS.md gives
 * their evaluation on the labelled NAB series.
 */
public final class AnomalyRule {

    public static final String RULE = "anomaly";
    static final int WEEKS = 8;
    static final int MIN_WEEKS = 3;
    static final int COVERAGE_PERCENT = 80;
    static final int RECENT = 48;
    static final int RESIDUALS = 336;
    static final double OPEN_Z = 5;
    static final double CLOSE_Z = 2.5;
    static final int STRIKES = 2;
    private static final double MAD_TO_SIGMA = 1.4826;
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MIN_SLOT = Duration.ofMinutes(30);
    private static final Duration MAX_SLOT = Duration.ofDays(1);

    private AnomalyRule() {}

    /** The learned baseline and the episode. A POJO of arrays for Flink state; sized on first use. */
    public static class State {
        public Episode episode = new Episode();
        /** WEEKS values per slot of the week, NaN where not yet filled; slot i uses [i * WEEKS, (i + 1) * WEEKS). */
        public double[] slotValues = new double[0];
        public byte[] slotNext = new byte[0];
        public byte[] slotFill = new byte[0];
        public int coveredSlots;
        /** The slot period being accumulated (epoch millis / slot width) and its running sum. */
        public long period = Long.MIN_VALUE;
        public int periodSlot;
        public double periodSum;
        public int periodCount;
        public double[] recent = new double[0];
        public int recentCount;
        public int recentNext;
        public double[] residuals = new double[0];
        public int residualCount;
        public int residualNext;
        public int strikes;
        public long firstStrike;
    }

    static Optional<AnomalyVerdict> judge(State s, IndicatorValue v, IndicatorDefinition d, ZoneId zone) {
        long width = slotWidth(d);
        int slots = (int) (WEEK.toMillis() / width);
        if (s.slotValues.length != slots * WEEKS) {
            size(s, slots);
        }
        long start = v.windowStart().toEpochMilli();
        closePeriodIfNew(s, start / width, slotOfWeek(v, zone, width));
        double expected = expected(s);
        if (Double.isNaN(expected) || s.residualCount < RECENT / 2) {
            learn(s, v.value(), expected);
            return Optional.empty();
        }
        double scale = Math.max(MAD_TO_SIGMA * medianAbsolute(s.residuals, s.residualCount), d.anomalyFloor());
        double z = (v.value() - expected) / scale;
        return Optional.of(new AnomalyVerdict(expected, z));
    }

    /** What the rule concluded about one value: what was expected of it and how unusual it is. */
    record AnomalyVerdict(double expected, double z) {}

    static Optional<AlertEvent> apply(State s, IndicatorValue v, IndicatorDefinition d, ZoneId zone, Origin origin) {
        Optional<AnomalyVerdict> verdict = judge(s, v, d, zone);
        if (verdict.isEmpty()) {
            return Optional.empty();
        }
        double z = verdict.get().z();
        double worse = switch (d.direction()) {
            case HIGHER_IS_WORSE -> z;
            case LOWER_IS_WORSE -> -z;
            case EITHER -> Math.abs(z);
        };
        Judgement j = new Judgement(RULE, d, v.district(), v.value(), verdict.get().expected(), v.windowEnd(), origin);
        if (worse >= OPEN_Z) {
            if (s.strikes++ == 0) {
                s.firstStrike = v.windowEnd().toEpochMilli();
            }
            if (!s.episode.isOpen() && s.strikes >= STRIKES) {
                return Optional.of(s.episode.open(j, Level.BLUE, s.firstStrike));
            }
            return Optional.empty();
        }
        s.strikes = 0;
        if (s.episode.isOpen()) {
            return Math.abs(z) < CLOSE_Z ? Optional.of(s.episode.resolve(j)) : Optional.empty();
        }
        learn(s, v.value(), verdict.get().expected());
        return Optional.empty();
    }

    static long slotWidth(IndicatorDefinition d) {
        long slide = d.window().slide().toMillis();
        return Math.min(Math.max(slide, MIN_SLOT.toMillis()), MAX_SLOT.toMillis());
    }

    private static void size(State s, int slots) {
        s.slotValues = new double[slots * WEEKS];
        Arrays.fill(s.slotValues, Double.NaN);
        s.slotNext = new byte[slots];
        s.slotFill = new byte[slots];
        s.coveredSlots = 0;
        s.period = Long.MIN_VALUE;
        s.recent = new double[RECENT];
        s.recentCount = 0;
        s.residuals = new double[RESIDUALS];
        s.residualCount = 0;
    }

    private static int slotOfWeek(IndicatorValue v, ZoneId zone, long width) {
        ZonedDateTime local = v.windowStart().atZone(zone);
        long intoWeek = (local.getDayOfWeek().getValue() - 1) * 86_400_000L + local.toLocalTime().toNanoOfDay() / 1_000_000;
        return (int) (intoWeek / width);
    }

    /** When a value opens a new slot period, the period before it becomes one week's value of its slot. */
    private static void closePeriodIfNew(State s, long period, int slot) {
        if (period == s.period) {
            return;
        }
        if (s.periodCount > 0) {
            int base = s.periodSlot * WEEKS;
            s.slotValues[base + s.slotNext[s.periodSlot]] = s.periodSum / s.periodCount;
            s.slotNext[s.periodSlot] = (byte) ((s.slotNext[s.periodSlot] + 1) % WEEKS);
            if (s.slotFill[s.periodSlot] < WEEKS && ++s.slotFill[s.periodSlot] == MIN_WEEKS) {
                s.coveredSlots++;
            }
        }
        s.period = period;
        s.periodSlot = slot;
        s.periodSum = 0;
        s.periodCount = 0;
    }

    /** The seasonal median once the week is covered well enough, else the recent median; NaN while warming up. */
    private static double expected(State s) {
        int slots = s.slotFill.length;
        boolean seasonal = s.coveredSlots * 100 >= COVERAGE_PERCENT * slots && s.slotFill[s.periodSlot] >= MIN_WEEKS;
        if (seasonal) {
            return median(Arrays.copyOfRange(s.slotValues, s.periodSlot * WEEKS,
                    s.periodSlot * WEEKS + s.slotFill[s.periodSlot]));
        }
        return s.recentCount < RECENT / 2 ? Double.NaN : median(Arrays.copyOf(s.recent, s.recentCount));
    }

    private static void learn(State s, double value, double expected) {
        s.periodSum += value;
        s.periodCount++;
        s.recent[s.recentNext] = value;
        s.recentNext = (s.recentNext + 1) % RECENT;
        s.recentCount = Math.min(s.recentCount + 1, RECENT);
        if (!Double.isNaN(expected)) {
            s.residuals[s.residualNext] = value - expected;
            s.residualNext = (s.residualNext + 1) % RESIDUALS;
            s.residualCount = Math.min(s.residualCount + 1, RESIDUALS);
        }
    }

    private static double medianAbsolute(double[] values, int count) {
        double[] abs = new double[count];
        for (int i = 0; i < count; i++) {
            abs[i] = Math.abs(values[i]);
        }
        return median(abs);
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
