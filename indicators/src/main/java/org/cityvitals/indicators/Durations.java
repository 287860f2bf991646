package org.cityvitals.indicators;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of the platform, in the catalogue YAML and on every command line alike: a whole number
 * and a unit, {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}.
 */
public final class Durations {
    /** What {@link #parse} accepts, for error messages. */
    public static final String SYNTAX = "a whole number with a unit: 500ms, 30s, 5m, 1h or 1d";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the syntax when {@code text} is not a duration */
    public static Duration parse(String text) {
        Matcher m = text == null ? null : DURATION.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use " + SYNTAX);
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The shortest way to write {@code d} in this syntax: {@code 90m} stays {@code 90m}, {@code 60m} is {@code 1h}. */
    public static String format(Duration d) {
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
