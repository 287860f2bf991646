package org.cityvitals.store.table;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.HealthScoreValue;

import java.sql.Timestamp;
import java.util.List;

/** {@code health_scores}: one row per (district or city, minute), newest version wins. */
public final class HealthScoreTable implements TableMapping<HealthScoreValue> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "health_scores";
    }

    @Override
    public List<String> columns() {
        return List.of("district", "window_start", "score", "worst_level", "version");
    }

    @Override
    public Object[] row(HealthScoreValue h) {
        return new Object[] {h.district(), Timestamp.from(h.windowStart()), h.score(), WireNames.of(h.worstLevel()),
                h.version()};
    }
}
