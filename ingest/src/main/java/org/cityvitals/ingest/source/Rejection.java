package org.cityvitals.ingest.source;

/**
 * An input item that was not published: where it came from ({@code source}, {@code line}), why ({@code reason},
 * {@code detail}: what and where exactly) and the original text so that it can be repaired and re-sent.
 */
public record Rejection(String source, RejectReason reason, String detail, String payload, long line) {
}
