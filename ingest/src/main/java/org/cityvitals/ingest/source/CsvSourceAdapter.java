package org.cityvitals.ingest.source;

import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.ingest.csv.CsvReader;
import org.cityvitals.ingest.csv.CsvRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Base of the CSV adapters: streams rows, rejects rows whose width differs from the header, drops repeats of a row
 * key within a time horizon (as {@link RejectReason#DUPLICATE}) and turns a subclass's {@link RowRejectedException}
 * into a counted rejection that carries the original line.
 */
public abstract class CsvSourceAdapter implements SourceAdapter {
    /** The time and identity of one row, returned by {@link #map}. */
    protected record RowKey(Instant time, String key) {
    }

    private final String name;
    private final Duration duplicateHorizon;
    protected final CityProfile profile;
    protected final Fields fields;
    protected final ReadingFactory readings = new ReadingFactory(MetricRegistry.loadDefault());
    private final SensorLog sensors = new SensorLog();
    /** Sensor prefix → column → sensor id. */
    private final Map<String, Map<String, String>> sensorIds = new HashMap<>();

    /**
     * @param duplicateHorizon how far apart in time two rows with the same key are still recognised as repeats
     * @param missingTokens    field values the source uses for "not measured", besides the empty string
     */
    protected CsvSourceAdapter(String name, CityProfile profile, Duration duplicateHorizon, Set<String> missingTokens) {
        this(name, profile, profile.zone(), duplicateHorizon, missingTokens);
    }

    /** @param clockZone the zone of the file's local clock times, when it is not the city's */
    protected CsvSourceAdapter(String name, CityProfile profile, ZoneId clockZone, Duration duplicateHorizon,
                               Set<String> missingTokens) {
        this.name = name;
        this.profile = profile;
        this.duplicateHorizon = duplicateHorizon;
        this.fields = new Fields(clockZone, missingTokens);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final CityProfile city() {
        return profile;
    }

    @Override
    public final List<Sensor> sensorsCreated() {
        return sensors.all();
    }

    /**
     * Maps one row into {@code out}. Returns the row's own time and key. Throw {@link RowRejectedException} for a
     * row that cannot be mapped at all.
     */
    protected abstract RowKey map(CsvRow row, RowOutput out) throws RowRejectedException;

    /** The district code the source means by {@code name}; {@code column} names where it came from for the error. */
    protected final String district(String column, String name) throws RowRejectedException {
        if (name == null || name.isBlank()) {
            throw new RowRejectedException(RejectReason.MISSING_DISTRICT, "column " + column + " is empty");
        }
        return profile.resolve(name).map(District::code).orElseThrow(() -> new RowRejectedException(
                RejectReason.UNKNOWN_DISTRICT, "column " + column + ": '" + name + "' is no district of "
                + profile.nameEn()));
    }

    /**
     * Publishes one reading per column from a row that measures several metrics at once; a value the source marks
     * missing is counted, not published, and one unusable value is rejected on its own without losing the row's
     * other metrics. {@code sensorPrefix} may be null: see {@link ColumnMetric}.
     */
    protected final void readings(CsvRow row, RowOutput out, List<ColumnMetric> columns, String sensorPrefix,
                                  Instant observedAt, String district, Double lat, Double lon) {
        Map<String, String> sensorIds = this.sensorIds.computeIfAbsent(sensorPrefix == null ? "" : sensorPrefix,
                p -> new HashMap<>());
        for (ColumnMetric column : columns) {
            try {
                OptionalDouble value = fields.optionalNumber(row, column.column());
                if (value.isEmpty()) {
                    out.missing();
                } else {
                    double canonical = column.toCanonical().applyAsDouble(value.getAsDouble());
                    // ids built once per sensor, not once per value: millions of readings come from a few sensors
                    String sensorId = sensorIds.computeIfAbsent(column.column(), c -> column.sensorId(sensorPrefix));
                    out.reading(readings.reading(sensorId, column.metric(), canonical, observedAt, district, lat,
                            lon));
                }
            } catch (RowRejectedException e) {
                out.rejectValue(e.reason(), "line " + row.line() + ": " + e.getMessage());
            }
        }
    }

    /** Header names the adapter reads; a file without one of them is refused before its first row. */
    protected Set<String> requiredColumns() {
        return Set.of();
    }

    @Override
    public final RowIterator open(InputStream input) {
        CsvReader reader = new CsvReader(input);
        List<String> absent = requiredColumns().stream().filter(c -> !reader.header().contains(c)).sorted().toList();
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException("the file has no column " + String.join(", ", absent)
                    + "; its columns are " + reader.header());
        }
        DuplicateFilter duplicates = new DuplicateFilter(duplicateHorizon);
        return new RowIterator() {
            @Override
            public boolean hasNext() {
                return reader.hasNext();
            }

            @Override
            public MappedRow next() {
                return mapRow(reader.next(), duplicates);
            }

            @Override
            public void close() {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private MappedRow mapRow(CsvRow row, DuplicateFilter duplicates) {
        try {
            if (!row.hasExpectedWidth()) {
                throw new RowRejectedException(RejectReason.MALFORMED_ROW,
                        row.fields().size() + " columns where the header has " + row.columns().size());
            }
            RowOutput out = new RowOutput(name, row, sensors);
            RowKey key = map(row, out);
            if (!duplicates.firstSighting(key.key(), key.time())) {
                throw new RowRejectedException(RejectReason.DUPLICATE, "repeats an earlier row for " + key.key()
                        + " at " + key.time());
            }
            return out.toMappedRow(key.time());
        } catch (RowRejectedException e) {
            Rejection rejection = new Rejection(name, e.reason(), "line " + row.line() + ": " + e.getMessage(),
                    row.raw(), row.line());
            return new MappedRow(row.line(), null, List.of(), List.of(rejection), 0);
        }
    }
}
