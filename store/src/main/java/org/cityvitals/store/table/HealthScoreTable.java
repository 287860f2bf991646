package org.cityvitals.store.table;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.Origin;

import java.util.List;

/**
 * {@code health_scores}: one row per (district or city, minute), newest version wins. The origin (live or backfill)
 * is the writer's.
 */
public final class HealthScoreTable implements TableMapping<HealthScoreValue> {

    private static final long serialVersionUID = 1L;

    private final Origin origin;

    public HealthScoreTable(Origin origin) {
        this.origin = origin;
    }

    @Override
    public String table() {
        return "health_scores";
    }

    @Override
    public List<String> columns() {
        return List.of("district", "window_start", "score", "worst_level", "version", "origin");
    }

    @Override
    public Object[] row(HealthScoreValue h) {
        return new Object[] {h.district(), Cells.time(h.windowStart()), h.score(), WireNames.of(h.worstLevel()),
                h.version(), WireNames.of(origin)};
    }
}
