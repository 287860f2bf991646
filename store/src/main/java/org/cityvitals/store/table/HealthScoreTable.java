package org.cityvitals.store.table;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.Origin;

/**
 * {@code health_scores}: one row per (district or city, minute), newest version wins. The origin (live or backfill)
 * is the writer's.
 */
public final class HealthScoreTable extends ColumnTable<HealthScoreValue> {

    private static final long serialVersionUID = 2L;

    public HealthScoreTable(Origin origin) {
        super("health_scores",
                column("district", HealthScoreValue::district),
                column("window_start", h -> Cells.time(h.windowStart())),
                column("score", HealthScoreValue::score),
                column("worst_level", h -> WireNames.of(h.worstLevel())),
                column("version", HealthScoreValue::version),
                column("origin", h -> WireNames.of(origin)));
    }
}
