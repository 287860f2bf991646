package org.cityvitals.indicators.health;

import java.util.List;
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
 *
 * <p>The city's score ({@link #city}) reflects its districts: the mean of the district scores weighted by population
 * (equal weights when the profile lacks a population), capped by the worst district level present (95 with a blue,
 * 90 with a yellow, 85 with an orange, 80 with a red: one district at red keeps the city at 80 or below however well
 * the others do), and never above the score of the city's own indicators (those whose city value is a measure of
 * its own, such as the mean PM2.5 over all sensors, not a copy of the worst district).
 */
public final class HealthScore {
    private HealthScore() {
    }

    /**
     * 100 when {@code levels} is empty: no indicator reports a problem. Indicators without weight (platform
     * indicators such as data quality, and indicators without levels) never count.
     */
    public static double score(Map<IndicatorDefinition, Level> levels) {
        double weights = 0;
        double cost = 0;
        Level worst = Level.NORMAL;
        for (Map.Entry<IndicatorDefinition, Level> e : levels.entrySet()) {
            double weight = e.getKey().weight();
            if (weight == 0) {
                continue;
            }
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

    /** A district's score, the worst level among its indicators, and its weight in the city's mean. */
    public record DistrictScore(double score, Level worst, double weight) {
    }

    /**
     * The city's score from its districts' scores and the levels of its own city-wide indicators. 100 when neither
     * reports anything.
     */
    public static double city(List<DistrictScore> districts, Map<IndicatorDefinition, Level> cityOwn) {
        double weights = 0;
        double weighted = 0;
        Level worst = Level.NORMAL;
        for (DistrictScore d : districts) {
            weights += d.weight();
            weighted += d.weight() * d.score();
            if (d.worst().severity() > worst.severity()) {
                worst = d.worst();
            }
        }
        double mean = weights == 0 ? 100 : weighted / weights;
        return Math.min(Math.min(mean, cityCap(worst)), score(cityOwn));
    }

    /** The highest city score while any district has an indicator at {@code worstDistrictLevel}. */
    public static double cityCap(Level worstDistrictLevel) {
        return 100 - 5 * worstDistrictLevel.severity();
    }
}
