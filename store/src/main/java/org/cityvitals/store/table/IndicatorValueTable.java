package org.cityvitals.store.table;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;

/**
 * {@code indicator_values}: one row per (indicator, area, window), newest version wins. The origin (live or
 * backfill) is the writer's: one job writes only one kind.
 */
public final class IndicatorValueTable extends ColumnTable<IndicatorValue> {

    private static final long serialVersionUID = 2L;

    public IndicatorValueTable(Origin origin) {
        super("indicator_values",
                column("indicator_id", IndicatorValue::indicatorId),
                column("district", IndicatorValue::district),
                column("window_start", v -> Cells.time(v.windowStart())),
                column("window_end", v -> Cells.time(v.windowEnd())),
                column("value", IndicatorValue::value),
                column("samples", IndicatorValue::samples),
                column("level", v -> WireNames.of(v.level())),
                column("version", IndicatorValue::version),
                column("origin", v -> WireNames.of(origin)));
    }
}
