package org.cityvitals.ingest.replay;

import org.cityvitals.indicators.signal.RejectReason;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a replay. {@code eventsPublished} and {@code deadLetters} count records Kafka acknowledged;
 * {@code sendFailures} counts records it did not (non-zero means the replay failed and must be repeated).
 */
public record ReplaySummary(String dataset, long rowsRead, long eventsPublished, Map<RejectReason, Long> rejections,
                            long missingValues, long deadLetters, long sendFailures, Duration elapsed) {

    public long rejected() {
        return rejections.values().stream().mapToLong(Long::longValue).sum();
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "replay %s finished in %.1f s%n", dataset, elapsed.toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  rows read          %,d%n", rowsRead);
        out.printf(Locale.ROOT, "  events published   %,d%n", eventsPublished);
        out.printf(Locale.ROOT, "  missing values     %,d (marked not measured by the source: nothing to publish)%n",
                missingValues);
        out.printf(Locale.ROOT, "  rejected           %,d (dead letters published: %,d)%n", rejected(), deadLetters);
        rejections.forEach((reason, count) -> out.printf(Locale.ROOT, "    %-22s %,d%n", reason.code(), count));
        if (sendFailures > 0) {
            out.printf(Locale.ROOT, "  NOT PUBLISHED      %,d records: Kafka did not acknowledge them; replay again%n",
                    sendFailures);
        }
    }
}
