package org.cityvitals.ingest.source;

import org.cityvitals.indicators.WireNames;

/** Why an input item was not published. Codes are stable: they appear in dead letters, summaries and metrics. */
public enum RejectReason {
    /** Row has a different number of columns than the header. */
    MALFORMED_ROW,
    /** A timestamp that does not match the source's documented format. */
    BAD_TIMESTAMP,
    /** A local clock time skipped by a daylight-saving change: it never happened in the city's zone. */
    NONEXISTENT_LOCAL_TIME,
    /** A numeric column that does not hold a number. */
    BAD_NUMBER,
    /** The row names no district, so it cannot land on the city map. */
    MISSING_DISTRICT,
    /** The row names a district the city profile does not know. */
    UNKNOWN_DISTRICT,
    /** The sensor id is not in the sensor registry. */
    UNKNOWN_SENSOR,
    /** The sensor is registered for another metric than the reading claims. */
    METRIC_MISMATCH,
    /** The sensor is registered in another district than the reading claims. */
    DISTRICT_MISMATCH,
    /** A row already seen (same key and time). */
    DUPLICATE,
    /** The event is older than what replay has already published, beyond the reordering buffer. */
    TOO_LATE,
    /** The canonical event failed the data standard's validation. */
    SCHEMA_VIOLATION,
    /** A gateway item that is not parseable JSON. */
    BAD_JSON,
    /** A gateway body that is not valid UTF-8. */
    INVALID_UTF8,
    /** A gateway body larger than the configured limit; its items were not read. */
    PAYLOAD_TOO_LARGE,
    /** Kafka did not acknowledge the item in time; the caller was told to retry. */
    KAFKA_UNAVAILABLE;

    /** Lower-case code used on the wire. */
    public String code() {
        return WireNames.of(this);
    }
}
