package org.cityvitals.jobs.health;

import org.cityvitals.indicators.level.Level;

/** An indicator's level as of the end of one of its windows. A POJO for Flink state. */
public class LevelAt {
    public String indicatorId;
    public Level level;
    public long windowEnd;

    public LevelAt() {}

    LevelAt(String indicatorId, Level level, long windowEnd) {
        this.indicatorId = indicatorId;
        this.level = level;
        this.windowEnd = windowEnd;
    }
}
