package org.cityvitals.ingest.source;

import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.ingest.csv.CsvRow;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalDouble;
import java.util.Set;

/** Parsing of CSV fields into numbers and instants, turning every failure into a rejection that names the column. */
public final class Fields {
    private final ZoneId zone;
    private final Set<String> missingTokens;

    /**
     * @param zone          the city's zone: source files carry local clock times without an offset
     * @param missingTokens field values that mean "not measured" (besides the empty string), e.g. {@code NA}
     */
    public Fields(ZoneId zone, Set<String> missingTokens) {
        this.zone = zone;
        this.missingTokens = missingTokens;
    }

    /** The number in {@code column}, or empty when the source marks it missing. */
    public OptionalDouble optionalNumber(CsvRow row, String column) throws RowRejectedException {
        String text = row.get(column).trim();
        if (text.isEmpty() || missingTokens.contains(text)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(parse(column, text));
    }

    /** The number in {@code column}; a missing value rejects the row. */
    public double number(CsvRow row, String column) throws RowRejectedException {
        String text = row.get(column).trim();
        if (text.isEmpty() || missingTokens.contains(text)) {
            throw new RowRejectedException(RejectReason.BAD_NUMBER, "column " + column + ": value missing");
        }
        return parse(column, text);
    }

    /** Local clock text in {@code column} parsed with {@code format}, placed in the city's zone. */
    public Instant localTime(CsvRow row, String column, DateTimeFormatter format) throws RowRejectedException {
        String text = row.get(column).trim();
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text, format);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(RejectReason.BAD_TIMESTAMP,
                    "column " + column + ": '" + text + "' does not match " + format);
        }
        return inZone(local, column);
    }

    /** Optional variant of {@link #localTime}: an empty field means "not yet" (e.g. a case still open). */
    public Instant optionalLocalTime(CsvRow row, String column, DateTimeFormatter format) throws RowRejectedException {
        return row.get(column).isBlank() ? null : localTime(row, column, format);
    }

    /**
     * Places a local clock time in the city's zone. A time skipped by a daylight-saving change never happened and is
     * rejected; a time that happened twice (autumn) takes the earlier offset, as the sources do not say which.
     */
    public Instant inZone(LocalDateTime local, String what) throws RowRejectedException {
        return inZone(local, what, false);
    }

    /** Whether {@code local} happened twice in the zone (the repeated hour of an autumn clock change). */
    public boolean isRepeated(LocalDateTime local) {
        return zone.getRules().getValidOffsets(local).size() > 1;
    }

    /** Like {@link #inZone(LocalDateTime, String)}; a repeated time takes the later offset when {@code later}. */
    public Instant inZone(LocalDateTime local, String what, boolean later) throws RowRejectedException {
        try {
            var offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                throw new RowRejectedException(RejectReason.NONEXISTENT_LOCAL_TIME,
                        what + ": " + local + " does not exist in " + zone + " (daylight-saving gap)");
            }
            return ZonedDateTime.ofLocal(local, zone, offsets.get(later ? offsets.size() - 1 : 0)).toInstant();
        } catch (DateTimeException e) {
            throw new RowRejectedException(RejectReason.BAD_TIMESTAMP, what + ": " + e.getMessage());
        }
    }

    private static double parse(String column, String text) throws RowRejectedException {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) return value;
        } catch (NumberFormatException ignored) {
            // reported below with the column and the text
        }
        throw new RowRejectedException(RejectReason.BAD_NUMBER, "column " + column + ": '" + text + "' is not a number");
    }
}
