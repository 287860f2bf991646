package org.cityvitals.store.table;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.IndicatorValue;

import java.sql.Timestamp;
import java.util.List;

/** {@code indicator_values}: one row per (indicator, district, window), newest version wins. */
public final class IndicatorValueTable implements TableMapping<IndicatorValue> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "indicator_values";
    }

    @Override
    public List<String> columns() {
        return List.of("indicator_id", "district", "window_start", "window_end", "value", "samples", "level",
                "version");
    }

    @Override
    public Object[] row(IndicatorValue v) {
        return new Object[] {v.indicatorId(), v.district(), Timestamp.from(v.windowStart()),
                Timestamp.from(v.windowEnd()), v.value(), v.samples(), WireNames.of(v.level()), v.version()};
    }
}
