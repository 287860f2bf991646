package org.cityvitals.ingest.source;

import org.cityvitals.ingest.csv.CsvReader;
import org.cityvitals.ingest.csv.CsvRow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Aarhus road-segment metadata: where each {@code REPORT_ID} lies (midpoint of its two detection points) and
 * the postal district of its start point. Small (one row per segment), so it is held in memory.
 */
public final class AarhusSegments {
    /** @param districtCode Aarhus profile code of the start point's postal district, e.g. {@code dk-8200} */
    public record Segment(String reportId, double lat, double lon, String districtCode) {
    }

    private final Map<String, Segment> byReportId;

    private AarhusSegments(Map<String, Segment> byReportId) {
        this.byReportId = byReportId;
    }

    public static AarhusSegments load(Path metadataCsv) throws IOException {
        try (InputStream in = Files.newInputStream(metadataCsv); CsvReader reader = new CsvReader(in)) {
            Map<String, Segment> segments = new HashMap<>();
            while (reader.hasNext()) {
                CsvRow row = reader.next();
                try {
                    Segment s = new Segment(row.get("REPORT_ID").trim(),
                            (parse(row, "POINT_1_LAT") + parse(row, "POINT_2_LAT")) / 2,
                            (parse(row, "POINT_1_LNG") + parse(row, "POINT_2_LNG")) / 2,
                            "dk-" + row.get("POINT_1_POSTAL_CODE").trim());
                    segments.put(s.reportId(), s);
                } catch (NumberFormatException e) {
                    throw new IOException(metadataCsv + ":" + row.line() + ": " + e.getMessage(), e);
                }
            }
            return new AarhusSegments(segments);
        }
    }

    public Optional<Segment> segment(String reportId) {
        return Optional.ofNullable(byReportId.get(reportId));
    }

    private static double parse(CsvRow row, String column) {
        return Double.parseDouble(row.get(column).trim());
    }
}
