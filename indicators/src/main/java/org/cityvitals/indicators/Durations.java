package org.cityvitals.indicators.catalogue;

import java.time.Duration;

/** Durations written the way the catalogue YAML writes them: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}. */
final class Durations {
    private Durations() {
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms % sizes[i] == 0) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }
}
