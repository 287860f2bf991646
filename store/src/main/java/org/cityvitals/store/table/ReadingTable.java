package org.cityvitals.store.table;

import org.cityvitals.indicators.event.Reading;

import java.util.List;

/** {@code readings}: one row per reading; a reading delivered twice folds into one row. */
public final class ReadingTable implements TableMapping<Reading> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "readings";
    }

    @Override
    public List<String> columns() {
        return List.of("sensor_id", "metric", "district", "observed_at", "value", "unit", "lat", "lon", "quality");
    }

    @Override
    public Object[] row(Reading r) {
        return new Object[] {r.sensorId(), r.metric(), r.district(), Cells.time(r.observedAt()), r.value(),
                r.unit(), r.lat(), r.lon(), r.quality().jsonName()};
    }
}
