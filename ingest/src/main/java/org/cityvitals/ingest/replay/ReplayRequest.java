package org.cityvitals.ingest.replay;

import org.cityvitals.ingest.source.SourceAdapter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What to replay and how: the data set's adapter and file; {@code speed}, the event-time multiplier (1 = real
 * time, {@link #AS_FAST_AS_POSSIBLE} never waits); how far (event time) and how many rows may be out of order; the
 * replay's {@code id}, carried by every record in the {@code cv-replay} header.
 */
public record ReplayRequest(SourceAdapter adapter, Path file, double speed, Duration reorderWindow,
                            int reorderCapacity, String id) {
    public static final double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;
    public static final Duration DEFAULT_REORDER_WINDOW = Duration.ofHours(1);
    /** Events the reorder buffer holds at most: bounded memory whatever the window. */
    public static final int DEFAULT_REORDER_CAPACITY = 200_000;

    public ReplayRequest {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
        if (reorderWindow.isNegative()) {
            throw new IllegalArgumentException("the reorder window must not be negative: " + reorderWindow);
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a replay needs an id");
        }
    }

    /** {@code file} through {@code adapter} as fast as Kafka takes it, into the replay topics, with a new id. */
    public static ReplayRequest of(SourceAdapter adapter, Path file) {
        return new ReplayRequest(adapter, file, AS_FAST_AS_POSSIBLE, DEFAULT_REORDER_WINDOW,
                DEFAULT_REORDER_CAPACITY, newId(adapter.name()));
    }

    /** {@code DATASET-yyyyMMddHHmmss-RANDOM}: readable in a header, unique across replays of one data set. */
    public static String newId(String dataset) {
        return dataset + "-" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public ReplayRequest withSpeed(double eventTimeMultiplier) {
        return new ReplayRequest(adapter, file, eventTimeMultiplier, reorderWindow, reorderCapacity, id);
    }

    public ReplayRequest withReorderWindow(Duration window) {
        return new ReplayRequest(adapter, file, speed, window, reorderCapacity, id);
    }

    public ReplayRequest withId(String replayId) {
        return new ReplayRequest(adapter, file, speed, reorderWindow, reorderCapacity, replayId);
    }
}
