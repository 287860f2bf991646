package org.cityvitals.ingest.source;

import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.ingest.csv.CsvRow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bring your own time series: any CSV with a time column and one or more value columns, each mapped to a catalogue
 * metric and a sensor id, all in one district. The time column is parsed with the given pattern; a pattern with an
 * offset ({@code XXX}) names the instant itself, otherwise the text is a local clock time in the given zone. Local
 * times that occur twice at the autumn clock change are taken in file order (the first sighting at the earlier
 * offset, the second at the later one); times inside the spring gap never happened and are dead-lettered as
 * {@code nonexistent_local_time}. Values are taken in the metric's canonical unit as they are; the empty field,
 * {@code NA}, {@code NaN} and {@code null} mean not measured.
 */
public final class TimeSeriesAdapter extends CsvSourceAdapter {
    public static final String NAME = "timeseries";

    /** One value column: which metric it measures and the id of the sensor it comes from. */
    public record Series(String column, String metric, String sensorId) {
    }

    /**
     * @param timePattern a {@link DateTimeFormatter} pattern, e.g. {@code yyyy-MM-dd HH:mm:ss}
     * @param district    the district code the series belongs to (which decides the city)
     */
    public record Spec(String timeColumn, String timePattern, ZoneId zone, String district, List<Series> series) {
    }

    private final Spec spec;
    private final DateTimeFormatter format;
    private final List<ColumnMetric> columns;
    private final Set<LocalDateTime> repeatedTimesSeen = new HashSet<>();

    /** @throws IllegalArgumentException for a bad pattern, an unknown district or metric, or no value column */
    public TimeSeriesAdapter(Spec spec) {
        super(NAME, cityOfDistrict(spec.district()), spec.zone(), Duration.ofDays(1),
                Set.of("NA", "NaN", "null"));
        if (spec.series().isEmpty()) {
            throw new IllegalArgumentException("give at least one --value-column with its --metric and --sensor");
        }
        this.spec = spec;
        try {
            this.format = DateTimeFormatter.ofPattern(spec.timePattern(), Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--time-format '" + spec.timePattern() + "' is not a date-time "
                    + "pattern (e.g. yyyy-MM-dd HH:mm:ss): " + e.getMessage(), e);
        }
        this.columns = spec.series().stream().map(s -> column(s)).toList();
    }

    private ColumnMetric column(Series s) {
        try {
            return ColumnMetric.of(readings, s.column(), s.metric(), s.sensorId());
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--metric " + s.metric() + ": no such metric in the catalogue", e);
        }
    }

    private static CityProfile cityOfDistrict(String district) {
        CityProfile city = CityProfiles.ofArea(district);
        if (CityProfiles.isCityCode(district)) {
            throw new IllegalArgumentException("--district " + district + " is the code of " + city.nameEn()
                    + " as a whole: give one of its districts (" + String.join(", ", city.districts().stream()
                    .map(d -> d.code()).toList()) + ")");
        }
        return city;
    }

    @Override
    protected Set<String> requiredColumns() {
        Set<String> required = new LinkedHashSet<>();
        required.add(spec.timeColumn());
        spec.series().forEach(s -> required.add(s.column()));
        return required;
    }

    @Override
    protected RowKey map(CsvRow row, RowOutput out) throws RowRejectedException {
        Instant observedAt = time(row.get(spec.timeColumn()).trim());
        readings(row, out, columns, null, observedAt, spec.district(), null, null);
        return new RowKey(observedAt, NAME);
    }

    private Instant time(String text) throws RowRejectedException {
        TemporalAccessor parsed;
        try {
            parsed = format.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(RejectReason.BAD_TIMESTAMP, "column " + spec.timeColumn() + ": '" + text
                    + "' does not match " + spec.timePattern());
        }
        if (parsed instanceof OffsetDateTime withOffset) {
            return withOffset.toInstant();
        }
        LocalDateTime local = (LocalDateTime) parsed;
        // the first sighting of a repeated autumn time is the earlier one, a second sighting the later one
        boolean secondSighting = fields.isRepeated(local) && !repeatedTimesSeen.add(local);
        return fields.inZone(local, "column " + spec.timeColumn(), secondSighting);
    }
}
