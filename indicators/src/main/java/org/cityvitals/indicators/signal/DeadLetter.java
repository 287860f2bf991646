package org.cityvitals.indicators.signal;

import java.time.Instant;

/**
 * Input the platform refused, kept with everything needed to understand and replay it: where it came from
 * ({@code source}, e.g. "gateway", "replay:beijing", "flink:readings"), a machine-readable {@code reason} code,
 * a human-readable {@code detail}, the original {@code payload}, and when it was refused.
 */
public record DeadLetter(String source, String reason, String detail, String payload, Instant rejectedAt) {
}
