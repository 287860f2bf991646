package org.cityvitals.ingest.source;

import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.ingest.csv.CsvRow;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * UCI "Power consumption of Tetouan city": 10-minute load of three distribution zones plus one weather station.
 * Quirks: CRLF line endings; dates as {@code M/D/YY H:MM}; load in kW (the file states no unit; UCI's description
 * does). The weather station stands for the whole city, so its temperature and humidity are published under zone 1;
 * wind speed and diffuse flows have no stated unit and are not published.
 */
public final class TetouanPowerAdapter extends CsvSourceAdapter {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("M/d/yy H:mm");
    private static final List<String> ZONES = List.of("Zone1", "Zone2", "Zone3");
    private final List<ColumnMetric> weather = List.of(
            ColumnMetric.of(readings, "Temperature", "temperature", "temp"),
            ColumnMetric.of(readings, "Humidity", "humidity", "humidity"));

    private ColumnMetric loadColumn(String zone) {
        return ColumnMetric.of(readings, zone, "power_load", "load");
    }

    public TetouanPowerAdapter() {
        super("tetouan-power", CityProfiles.byId("tetouan"), Duration.ofDays(1), Set.of());
    }

    @Override
    protected RowKey map(CsvRow row, RowOutput out) throws RowRejectedException {
        Instant observedAt = fields.localTime(row, "Date", FORMAT);
        for (String zone : ZONES) {
            readings(row, out, List.of(loadColumn(zone)), "tetouan-" + zone.toLowerCase(Locale.ROOT), observedAt,
                    district("zone", zone), null, null);
        }
        readings(row, out, weather, "tetouan-weather", observedAt, district("zone", "Zone1"), null, null);
        return new RowKey(observedAt, "tetouan");
    }
}
