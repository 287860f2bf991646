package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.Origin;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Silence of one series in event time: a district series whose catalogue entry reads silence as lost data
 * ({@code when_silent: no_data}) that produced no window for {@link #silenceFor} — five slides, and at least three of
 * its own usual gaps, so a station that reports hourly is not silent between its hours — while event time moved on
 * (other series still report) has lost its sensors. Raised at blue through an event-time timer; resolved by the next value.
 * After {@link #RETIRE_AFTER} of silence the series is considered gone and all its state is dropped. (A whole feed
 * that stops also stops event time; that stall is detected in processing time by the feed-stall detector.)
 */
public final class NoDataRule {

    public static final String RULE = "no_data";
    static final Duration RETIRE_AFTER = Duration.ofHours(24);

    private NoDataRule() {}

    public static class State {
        public Episode episode = new Episode();
        /** End of the newest window seen. */
        public long lastWindowEnd = Long.MIN_VALUE;
        /** The registered silence timer, or Long.MIN_VALUE. */
        public long silenceTimer = Long.MIN_VALUE;
        /** The last gaps between consecutive windows, newest at {@code gapNext - 1}. */
        public long[] gaps = new long[GAPS];
        public int gapCount;
        public int gapNext;

        /** Notes a window ending at {@code windowEnd} after the one at {@link #lastWindowEnd}. */
        void observe(long windowEnd) {
            if (lastWindowEnd != Long.MIN_VALUE && windowEnd > lastWindowEnd) {
                gaps[gapNext] = windowEnd - lastWindowEnd;
                gapNext = (gapNext + 1) % GAPS;
                gapCount = Math.min(gapCount + 1, GAPS);
            }
            lastWindowEnd = windowEnd;
        }

        long usualGap() {
            if (gapCount == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(gaps, gapCount);
            Arrays.sort(sorted);
            return sorted[gapCount / 2];
        }
    }

    private static final int GAPS = 8;

    /** Five slides and never less than five minutes (a single late window is not an outage). */
    static Duration silenceFor(IndicatorDefinition definition) {
        Duration fiveSlides = definition.window().slide().multipliedBy(5);
        return fiveSlides.compareTo(Duration.ofMinutes(5)) < 0 ? Duration.ofMinutes(5) : fiveSlides;
    }

    /** How long this series may be silent: {@link #silenceFor}, or three of its usual gaps when that is longer. */
    static long silenceFor(State s, IndicatorDefinition definition) {
        return Math.max(silenceFor(definition).toMillis(), 3 * s.usualGap());
    }

    static AlertEvent opened(State s, IndicatorDefinition d, String area, long now, Origin origin) {
        double silentMinutes = (now - s.lastWindowEnd) / 60_000.0;
        Judgement j = new Judgement(RULE, d, area, silentMinutes, silenceFor(s, d) / 60_000.0,
                Instant.ofEpochMilli(now), origin);
        return s.episode.open(j, Level.BLUE, s.lastWindowEnd);
    }

    static AlertEvent resolved(State s, IndicatorDefinition d, String area, Instant at, Origin origin) {
        return s.episode.resolve(new Judgement(RULE, d, area, 0, silenceFor(s, d) / 60_000.0, at, origin));
    }
}
