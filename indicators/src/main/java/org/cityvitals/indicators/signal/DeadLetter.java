package org.cityvitals.indicators.signal;

import java.time.Instant;

/**
 * Input the platform refused, kept on {@code cv.deadletters} with everything needed to understand and replay it:
 * where it came from ({@code source}, e.g. "gateway:readings", "replay:beijing-aq", "flink-jobs:cv.readings"), a
 * machine-readable {@code reason} code, a human-readable {@code detail}, the original {@code payload}, the
 * {@code line} of the input it was on (0 when the input is not line-based) and the {@code time} it was refused.
 * Ingest and the Flink job write this one shape, so one consumer reads both.
 */
public record DeadLetter(String source, String reason, String detail, String payload, long line, Instant time) {
}
