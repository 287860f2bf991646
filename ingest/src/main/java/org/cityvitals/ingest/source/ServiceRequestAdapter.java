package org.cityvitals.ingest.source;

import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.ingest.csv.CsvRow;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Base of the 311 service-request adapters (a US city's 311 is its 12345 hotline). Each case becomes a
 * {@code reported} incident at its opening time and, once closed, a {@code resolved} one at its closing time, so the
 * backlog and time-to-resolve indicators see the lifecycle in event time. Dates are {@code MM/DD/YYYY hh:mm:ss AM}.
 */
abstract class ServiceRequestAdapter extends CsvSourceAdapter {
    /** Where a 311 export keeps each field. */
    record Columns(String id, String opened, String closed, String category, String subcategory, String lat,
                   String lon) {
    }

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
    /** 311 requests are non-emergency: the least urgent priority of the data standard. */
    private static final int PRIORITY = Incident.LEAST_URGENT;

    private final Columns columns;

    ServiceRequestAdapter(String name, CityProfile profile, Columns columns) {
        super(name, profile, Duration.ofDays(1), Set.of());
        this.columns = columns;
    }

    /** The district code of the case. */
    protected abstract String districtOf(CsvRow row) throws RowRejectedException;

    @Override
    protected final RowKey map(CsvRow row, RowOutput out) throws RowRejectedException {
        String id = name() + "-" + row.get(columns.id()).trim();
        Instant opened = fields.localTime(row, columns.opened(), FORMAT);
        Instant closed = fields.optionalLocalTime(row, columns.closed(), FORMAT);
        String district = districtOf(row);
        String category = row.get(columns.category()).trim();
        if (category.isEmpty()) {
            throw new RowRejectedException(RejectReason.SCHEMA_VIOLATION, "column " + columns.category()
                    + " is empty: an incident needs a category");
        }
        String subcategory = row.get(columns.subcategory()).isBlank() ? null : row.get(columns.subcategory()).trim();
        OptionalDouble lat = fields.optionalNumber(row, columns.lat());
        OptionalDouble lon = fields.optionalNumber(row, columns.lon());
        // a location is published only when both coordinates are there; half a location is no location
        Double latitude = lat.isPresent() && lon.isPresent() ? lat.getAsDouble() : null;
        Double longitude = latitude != null ? lon.getAsDouble() : null;

        out.incident(new Incident(id, IncidentSource.HOTLINE_12345, category, subcategory, district, PRIORITY,
                IncidentStatus.REPORTED, opened, null, null, latitude, longitude), opened);
        if (closed != null) {
            out.incident(new Incident(id, IncidentSource.HOTLINE_12345, category, subcategory, district, PRIORITY,
                    IncidentStatus.RESOLVED, opened, null, closed, latitude, longitude), closed);
        }
        return new RowKey(opened, id);
    }
}
