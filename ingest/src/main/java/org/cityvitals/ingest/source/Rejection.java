package org.cityvitals.ingest.source;

import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.indicators.signal.DeadLetter;

import java.time.Instant;

/**
 * An input item that was not published: where it came from ({@code source}, {@code line}), why ({@code reason},
 * {@code detail}: what and where exactly) and the original text so that it can be repaired and re-sent.
 */
public record Rejection(String source, RejectReason reason, String detail, String payload, long line) {

    /** The dead letter that keeps this rejection on {@code cv.deadletters}. */
    public DeadLetter toDeadLetter(Instant now) {
        return new DeadLetter(source, reason.code(), detail, payload, line, now);
    }
}
