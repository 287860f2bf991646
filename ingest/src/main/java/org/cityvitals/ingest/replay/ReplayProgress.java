package org.cityvitals.ingest.replay;

/**
 * Where a replay reports how far it got, so that a caller can show one progress display for a whole backfill. Called
 * on the replay's thread, at most every {@link Replay#PROGRESS_INTERVAL} and once more when the replay ends.
 */
@FunctionalInterface
public interface ReplayProgress {
    ReplayProgress NONE = (rows, bytes, totalBytes, published, done) -> { };

    /**
     * @param rowsRead        rows of the file read so far
     * @param bytesRead       bytes of the file read so far, of {@code totalBytes}
     * @param eventsPublished events Kafka has acknowledged so far
     * @param done            true on the last call, when everything was flushed
     */
    void update(long rowsRead, long bytesRead, long totalBytes, long eventsPublished, boolean done);
}
