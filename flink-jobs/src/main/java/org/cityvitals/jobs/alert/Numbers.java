package org.cityvitals.jobs.alert;

import java.util.Locale;

/** Numbers in alert messages: whole numbers without decimals, others with one. */
final class Numbers {

    private Numbers() {}

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
