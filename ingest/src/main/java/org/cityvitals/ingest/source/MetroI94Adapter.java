package org.cityvitals.ingest.source;

import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.ingest.csv.CsvRow;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * UCI "Metro Interstate Traffic Volume": hourly westbound I-94 volume at MnDOT ATR station 301 with weather. Quirks:
 * temperature in kelvin (converted to °C; the full file's 0 K rows become suspect readings, outside the
 * metric's plausible range); the hourly volume is published as the vehicle count of a one-hour interval; the same hour appears
 * on several rows, one per weather description, with identical measurements, so repeats are rejected as duplicates;
 * local Minnesota time, whose daylight-saving gap hours are rejected.
 */
public final class MetroI94Adapter extends CsvSourceAdapter {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final List<ColumnMetric> columns = List.of(
            ColumnMetric.of(readings, "traffic_volume", "vehicle_count", "volume"),
            ColumnMetric.of(readings, "temp", "temperature", "temp").inUnit("K"),
            ColumnMetric.of(readings, "rain_1h", "rainfall", "rain"));

    public MetroI94Adapter() {
        super("metro-i94", CityProfiles.byId("i94"), Duration.ofDays(1), Set.of());
    }

    @Override
    protected RowKey map(CsvRow row, RowOutput out) throws RowRejectedException {
        Instant observedAt = fields.localTime(row, "date_time", FORMAT);
        readings(row, out, columns, "i94-atr301", observedAt, district("station", "ATR301"), null, null);
        return new RowKey(observedAt, "ATR301");
    }
}
