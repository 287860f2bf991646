package org.cityvitals.indicators.catalogue;

import org.cityvitals.indicators.Durations;
import java.time.Duration;

/** An event-time window: tumbling when {@code slide} equals {@code size}, sliding otherwise. */
public record Window(Duration size, Duration slide) {

    public boolean tumbling() {
        return size.equals(slide);
    }

    /** Why this window cannot be used, or null when it can. */
    static String problem(Duration size, Duration slide) {
        if (size.isZero() || slide.isZero()) {
            return "window size and slide must be positive";
        }
        if (slide.compareTo(size) > 0) {
            return "window slide " + Durations.format(slide) + " is longer than its size " + Durations.format(size);
        }
        if (size.toMillis() % slide.toMillis() != 0) {
            return "window size " + Durations.format(size) + " is not a multiple of its slide "
                    + Durations.format(slide);
        }
        return null;
    }
}
