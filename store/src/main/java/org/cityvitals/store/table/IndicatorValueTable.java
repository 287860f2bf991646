package org.cityvitals.store.table;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;

import java.util.List;

/**
 * {@code indicator_values}: one row per (indicator, area, window), newest version wins. The origin (live or
 * backfill) is the writer's: one job writes only one kind.
 */
public final class IndicatorValueTable implements TableMapping<IndicatorValue> {

    private static final long serialVersionUID = 1L;

    private final Origin origin;

    public IndicatorValueTable(Origin origin) {
        this.origin = origin;
    }

    @Override
    public String table() {
        return "indicator_values";
    }

    @Override
    public List<String> columns() {
        return List.of("indicator_id", "district", "window_start", "window_end", "value", "samples", "level",
                "version", "origin");
    }

    @Override
    public Object[] row(IndicatorValue v) {
        return new Object[] {v.indicatorId(), v.district(), Cells.time(v.windowStart()),
                Cells.time(v.windowEnd()), v.value(), v.samples(), WireNames.of(v.level()), v.version(),
                WireNames.of(origin)};
    }
}
