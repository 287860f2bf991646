package org.cityvitals.indicators.level;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cityvitals.indicators.NumberText;

/**
 * Where each warning level starts. A value reaches a level when it is at or beyond that level's threshold
 * ({@code >=} for higher-is-worse, {@code <=} for lower-is-worse). A null threshold means the level is not used;
 * at least one must be set, and the set ones must strictly worsen from blue to red. The constructor refuses
 * anything else with a message naming the offending levels.
 */
public record Thresholds(Direction direction, Double blue, Double yellow, Double orange, Double red) {

    private static final Level[] WARNING_LEVELS = {Level.BLUE, Level.YELLOW, Level.ORANGE, Level.RED};

    public Thresholds {
        Objects.requireNonNull(direction, "direction");
        String problem = problem(direction, blue, yellow, orange, red);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these thresholds are unusable, or null when they are fine. Used by the catalogue loader too. */
    public static String problem(Direction direction, Double blue, Double yellow, Double orange, Double red) {
        if (direction == Direction.EITHER) {
            return "levels need direction higher_is_worse or lower_is_worse, not either";
        }
        Double[] values = {blue, yellow, orange, red};
        Level previousLevel = null;
        Double previous = null;
        for (int i = 0; i < values.length; i++) {
            Double value = values[i];
            if (value == null) {
                continue;
            }
            if (!Double.isFinite(value)) {
                return WARNING_LEVELS[i].en() + " threshold must be a finite number";
            }
            if (previous != null) {
                if (value.equals(previous)) {
                    return "thresholds overlap: " + WARNING_LEVELS[i].en() + " equals " + previousLevel.en()
                            + " (" + NumberText.of(value) + ")";
                }
                boolean worsens = direction == Direction.HIGHER_IS_WORSE ? value > previous : value < previous;
                if (!worsens) {
                    return "thresholds not sorted: " + WARNING_LEVELS[i].en() + " " + NumberText.of(value) + " must be "
                            + (direction == Direction.HIGHER_IS_WORSE ? "above " : "below ")
                            + previousLevel.en() + " " + NumberText.of(previous) + " when "
                            + direction.name().toLowerCase(Locale.ROOT);
                }
            }
            previous = value;
            previousLevel = WARNING_LEVELS[i];
        }
        return previous == null ? "no threshold set: at least one of blue, yellow, orange, red is needed" : null;
    }

    /** The threshold where {@code level} starts, or null when the level is not used (always null for NORMAL). */
    public Double threshold(Level level) {
        return switch (level) {
            case NORMAL -> null;
            case BLUE -> blue;
            case YELLOW -> yellow;
            case ORANGE -> orange;
            case RED -> red;
        };
    }

    /** The levels in use with their thresholds, blue first. */
    public List<Level> levelsInUse() {
        List<Level> used = new ArrayList<>();
        for (Level level : WARNING_LEVELS) {
            if (threshold(level) != null) {
                used.add(level);
            }
        }
        return used;
    }

    /** The worst level whose threshold {@code value} reaches. */
    public Level levelOf(double value) {
        Level result = Level.NORMAL;
        for (Level level : WARNING_LEVELS) {
            Double threshold = threshold(level);
            if (threshold != null && reaches(value, threshold)) {
                result = level;
            }
        }
        return result;
    }

    /**
     * Level with hysteresis: rising is immediate, but the {@code current} level (or any level below it) is kept
     * while the value is at or beyond that level's threshold moved back by {@code hysteresis} (higher is worse: the
     * level {@code L} holds while {@code value >= threshold(L) - hysteresis}); this stops a value that hovers at a
     * threshold from flapping between two levels. The release points are computed in decimal, so a value written as
     * exactly the threshold minus the hysteresis (0.135 for 0.14 and 0.005) holds the level, as the catalogue reads.
     */
    public Level levelOf(double value, Level current, double hysteresis) {
        Level raw = levelOf(value);
        if (raw.atLeast(current)) {
            return raw;
        }
        Level held = raw;
        for (Level level : WARNING_LEVELS) {
            Double threshold = threshold(level);
            if (threshold != null && current.atLeast(level) && reaches(value, release(threshold, hysteresis))) {
                held = level;
            }
        }
        return held;
    }

    /** Where a level starts to be released: its threshold moved back by the hysteresis, in exact decimal. */
    private double release(double threshold, double hysteresis) {
        BigDecimal t = BigDecimal.valueOf(threshold);
        BigDecimal h = BigDecimal.valueOf(hysteresis);
        return (direction == Direction.HIGHER_IS_WORSE ? t.subtract(h) : t.add(h)).doubleValue();
    }

    private boolean reaches(double value, double threshold) {
        return direction == Direction.HIGHER_IS_WORSE ? value >= threshold : value <= threshold;
    }
}
