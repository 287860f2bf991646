package org.cityvitals.ingest.source;

import org.cityvitals.indicators.signal.RejectReason;
/** Thrown by an adapter's row mapping when the row cannot become canonical events; carries reason and detail. */
public final class RowRejectedException extends Exception {
    private final RejectReason reason;

    public RowRejectedException(RejectReason reason, String detail) {
        super(detail, null, false, false); // control flow for bad rows: no stack trace needed
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
