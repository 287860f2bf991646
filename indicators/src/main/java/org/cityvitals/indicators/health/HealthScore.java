package org.cityvitals.indicators.health;

import java.util.Map;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;

/**
 * Health score from 0 (everything red) to 100 (everything normal) for one district or the whole city.
 *
 * <p>Each indicator costs {@code weight × penalty(level)} with penalties normal 0, blue 0.25, yellow 0.5,
 * orange 0.75, red 1; the weighted score is {@code 100 × (1 − Σ cost / Σ weight)}. Because a weighted mean dilutes
 * one bad indicator among forty good ones, the score is then capped by the worst level present: at most 90 with a
 * blue, 75 with a yellow, 60 with an orange and 40 with a red. indicators/README.md has a worked example.
 */
public final class HealthScore {
    private HealthScore() {
    }

    /** 100 when {@code levels} is empty: no indicator reports a problem. */
    public static double score(Map<IndicatorDefinition, Level> levels) {
        double weights = 0;
        double cost = 0;
        Level worst = Level.NORMAL;
        for (Map.Entry<IndicatorDefinition, Level> e : levels.entrySet()) {
            double weight = e.getKey().weight();
            weights += weight;
            cost += weight * penalty(e.getValue());
            if (e.getValue().severity() > worst.severity()) {
                worst = e.getValue();
            }
        }
        double weighted = weights == 0 ? 100 : 100 * (1 - cost / weights);
        return Math.min(weighted, cap(worst));
    }

    /** Share of an indicator's weight lost at {@code level}: a quarter per step of severity. */
    public static double penalty(Level level) {
        return level.severity() / 4.0;
    }

    /** The highest score a district can have while any indicator is at {@code worst}. */
    public static double cap(Level worst) {
        return switch (worst) {
            case NORMAL -> 100;
            case BLUE -> 90;
            case YELLOW -> 75;
            case ORANGE -> 60;
            case RED -> 40;
        };
    }
}
