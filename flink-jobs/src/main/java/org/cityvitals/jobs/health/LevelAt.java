package org.cityvitals.jobs.health;

import org.cityvitals.indicators.level.Level;

/** An indicator's level as of the end of its newest window. A POJO for Flink state. */
public class LevelAt {
    public Level level;
    public long windowEnd;

    public LevelAt() {}

    LevelAt(Level level, long windowEnd) {
        this.level = level;
        this.windowEnd = windowEnd;
    }
}
