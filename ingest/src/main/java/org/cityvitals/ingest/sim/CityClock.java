package org.cityvitals.ingest.sim;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The local time of day and week behind the daily and weekly patterns. */
record CityClock(double hour, boolean weekend) {

    static CityClock at(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        DayOfWeek day = local.getDayOfWeek();
        return new CityClock(hour, day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY);
    }

    /** 0..1: the morning (08:00) and evening (18:00) peaks; weekends at 40 %. */
    double rush() {
        double peaks = bump(8, 1.2) + bump(18, 1.5);
        return Math.min(1, peaks) * (weekend ? 0.4 : 1);
    }

    /** 0..1: daytime activity, highest mid-afternoon, near 0 at night. */
    double daytime() {
        return Math.max(0, Math.sin(Math.PI * (hour - 6) / 16));
    }

    /** -1..1: the daily temperature wave, warmest at 15:00. */
    double warmth() {
        return Math.cos(2 * Math.PI * (hour - 15) / 24);
    }

    boolean dark() {
        return hour < 6 || hour >= 18.5;
    }

    private double bump(double centre, double width) {
        double d = hour - centre;
        return Math.exp(-d * d / (2 * width * width));
    }
}
