package org.cityvitals.ingest.source;

import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.ingest.csv.CsvRow;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * UCI "Beijing Multi-Site Air-Quality Data": hourly pollutants and weather of twelve monitoring stations, each an
 * alias of its district in the Beijing profile. Quirks: {@code NA} marks a value not measured (counted, not
 * published); CRLF line endings; time split over year/month/day/hour columns in Beijing local time; CO in µg/m³
 * (converted to the canonical mg/m³). Dew point and wind direction have no metric and are not published.
 */
public final class BeijingAirQualityAdapter extends CsvSourceAdapter {
    private final List<ColumnMetric> columns = List.of(
            ColumnMetric.of(readings, "PM2.5", "pm25", "pm25"),
            ColumnMetric.of(readings, "PM10", "pm10", "pm10"),
            ColumnMetric.of(readings, "SO2", "so2", "so2"),
            ColumnMetric.of(readings, "NO2", "no2", "no2"),
            ColumnMetric.of(readings, "CO", "co", "co").inUnit("µg/m³"),
            ColumnMetric.of(readings, "O3", "o3", "o3"),
            ColumnMetric.of(readings, "TEMP", "temperature", "temp"),
            ColumnMetric.of(readings, "PRES", "air_pressure", "pres"),
            ColumnMetric.of(readings, "RAIN", "rainfall", "rain"),
            ColumnMetric.of(readings, "WSPM", "wind_speed", "wind"));

    public BeijingAirQualityAdapter() {
        super("beijing-aq", CityProfiles.byId("beijing"), Duration.ofDays(1), Set.of("NA"));
    }

    @Override
    protected RowKey map(CsvRow row, RowOutput out) throws RowRejectedException {
        String station = row.get("station");
        String district = district("station", station);
        Instant observedAt = fields.inZone(localTime(row), "columns year/month/day/hour");
        readings(row, out, columns, "bj-" + station.toLowerCase(Locale.ROOT), observedAt, district, null, null);
        return new RowKey(observedAt, station);
    }

    private LocalDateTime localTime(CsvRow row) throws RowRejectedException {
        try {
            return LocalDateTime.of((int) fields.number(row, "year"), (int) fields.number(row, "month"),
                    (int) fields.number(row, "day"), (int) fields.number(row, "hour"), 0);
        } catch (DateTimeException e) {
            throw new RowRejectedException(RejectReason.BAD_TIMESTAMP, "columns year/month/day/hour: "
                    + e.getMessage());
        }
    }
}
