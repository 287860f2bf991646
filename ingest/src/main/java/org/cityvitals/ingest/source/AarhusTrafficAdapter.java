package org.cityvitals.ingest.source;

import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.ingest.csv.CsvRow;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * CityPulse road traffic of Aarhus: one row per road segment ({@code REPORT_ID}) and 5 minutes. Quirks: CRLF line
 * endings; in the full files rows are not in time order (replay's reorder buffer sorts them) and some timestamps
 * repeat within a segment (rejected as duplicates); location and district come from the segment metadata file.
 * The replayed segments are motorway approaches (normal driving speeds 70–113 km/h), so their speed is published as
 * expressway speed. Travel time has no metric in the data standard and is not published.
 */
public final class AarhusTrafficAdapter extends CsvSourceAdapter {
    private final AarhusSegments segments;
    private final List<ColumnMetric> columns = List.of(
            ColumnMetric.of(readings, "avgSpeed", "speed_expressway", "speed"),
            ColumnMetric.of(readings, "vehicleCount", "vehicle_count", "count"));

    public AarhusTrafficAdapter(AarhusSegments segments) {
        super("aarhus-traffic", CityProfiles.byId("aarhus"), Duration.ofHours(6), Set.of());
        this.segments = segments;
    }

    @Override
    protected RowKey map(CsvRow row, RowOutput out) throws RowRejectedException {
        String reportId = row.get("REPORT_ID").trim();
        AarhusSegments.Segment segment = segments.segment(reportId).orElseThrow(() -> new RowRejectedException(
                RejectReason.UNKNOWN_SENSOR, "column REPORT_ID: segment '" + reportId + "' is not in the metadata"));
        String district = district("REPORT_ID", profile.resolve(reportId).isPresent() ? reportId
                : segment.districtCode());
        Instant observedAt = fields.localTime(row, "TIMESTAMP", DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        readings(row, out, columns, "aarhus-" + reportId, observedAt, district, segment.lat(), segment.lon());
        return new RowKey(observedAt, reportId);
    }
}
