package org.cityvitals.store.table;

import org.cityvitals.indicators.event.Reading;

/** {@code readings}: one row per reading; a reading delivered twice folds into one row. */
public final class ReadingTable extends ColumnTable<Reading> {

    private static final long serialVersionUID = 2L;

    public ReadingTable() {
        super("readings",
                column("sensor_id", Reading::sensorId),
                column("metric", Reading::metric),
                column("district", Reading::district),
                column("observed_at", r -> Cells.time(r.observedAt())),
                column("value", Reading::value),
                column("unit", Reading::unit),
                column("lat", Reading::lat),
                column("lon", Reading::lon),
                column("quality", r -> r.quality().jsonName()));
    }
}
