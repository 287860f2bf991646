package org.cityvitals.indicators.signal;

import java.time.Instant;

/**
 * Input the platform refused, kept on {@code cv.deadletters} with everything needed to understand and replay it:
 * where it came from ({@code source}: the replayed data set such as {@code beijing-aq} or {@code timeseries},
 * {@code gateway-readings} / {@code gateway-incidents} for the HTTP gateway, {@code flink-jobs:cv.readings} for the
 * stream job), a machine-readable {@code reason} code ({@link RejectReason#code()}, e.g. {@code missing_district}),
 * a human-readable {@code detail} that starts with {@code line N: } when the input has lines, the original
 * {@code payload} (CSV line, JSON item or event), the {@code line} of the input it was on (1-based; 0 when the input
 * is not line-based) and the {@code time} it was refused. Ingest and the Flink job write this one shape, so one
 * consumer reads both.
 */
public record DeadLetter(String source, String reason, String detail, String payload, long line, Instant time) {
}
