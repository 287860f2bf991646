package org.cityvitals.ingest.source;

import java.time.Instant;
import java.util.List;

/**
 * What one input row became: events to publish and rejections (the whole row, or single values of it), plus the
 * number of values the source marked missing. {@code progress} is the row's own time, which drives reordering;
 * null when the row was rejected before its time was known.
 */
public record MappedRow(long line, Instant progress, List<OutboundEvent> events, List<Rejection> rejections,
                        int missingValues) {
}
