package org.cityvitals.indicators.signal;

import org.cityvitals.indicators.WireNames;

/**
 * Why an input item was not published: the one vocabulary of ingest (replay adapters, the gateway), the sensor
 * registry and the stream job. Codes ({@link #code()}) are stable: they appear in dead letters, summaries, HTTP
 * answers and metrics.
 */
public enum RejectReason {
    /** Row has a different number of columns than the header. */
    MALFORMED_ROW,
    /** A timestamp that does not match the source's documented format. */
    BAD_TIMESTAMP,
    /** A local clock time skipped by a daylight-saving change: it never happened in the city's zone. */
    NONEXISTENT_LOCAL_TIME,
    /** An event stamped further in the future than clocks can plausibly disagree. */
    FUTURE_TIMESTAMP,
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
    /** The event is older than what was already published or windowed, beyond the allowed reordering. */
    TOO_LATE,
    /** The canonical event failed the data standard's validation. */
    SCHEMA_VIOLATION,
    /** A gateway item that is not parseable JSON. */
    BAD_JSON,
    /** A gateway body that is not valid UTF-8. */
    INVALID_UTF8,
    /** A gateway body larger than the configured limit; its items were not read. */
    PAYLOAD_TOO_LARGE,
    /** A gateway request with more items than the configured cap; none was published. */
    TOO_MANY_ITEMS,
    /** The API key that sent the item may not send for its source or district. */
    OUT_OF_SCOPE,
    /** Kafka did not acknowledge the item in time; the caller was told to retry. */
    KAFKA_UNAVAILABLE;

    /** Lower-case code used on the wire. */
    public String code() {
        return WireNames.of(this);
    }
}
