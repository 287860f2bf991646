package org.cityvitals.ingest.gateway;

import org.cityvitals.indicators.signal.RejectReason;

/** Why one item was refused: where (line in the body, JSON field path), the reason code and a readable detail. */
record ItemError(long line, String field, RejectReason reason, String detail) {
}
