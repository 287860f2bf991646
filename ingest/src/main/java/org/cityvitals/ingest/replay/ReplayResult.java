package org.cityvitals.ingest.replay;

import org.apache.kafka.common.TopicPartition;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.ingest.kafka.EventTopics;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay published, for the backfill that processes it: the records with header {@code cv-replay = id}
 * between {@code startOffsets} (the end of each partition of {@code topics} before the replay) and
 * {@code endOffsets} (after its final flush), all of city {@code cityCode} and event times from
 * {@code firstEventTime} to {@code lastEventTime} (null when nothing was published). {@code sensors} is the replay's
 * sensor-registry extension: the sensors its readings come from. {@code eventsPublished} and {@code deadLetters}
 * count records Kafka acknowledged; {@code sendFailures} those it did not (non-zero: the replay failed and must be
 * repeated), {@code failure} the first error (null when none); {@code interrupted} that the replay was stopped
 * before the end of its file.
 */
public record ReplayResult(String id, String dataset, String cityCode, EventTopics topics,
                           Map<TopicPartition, Long> startOffsets, Map<TopicPartition, Long> endOffsets,
                           Instant firstEventTime, Instant lastEventTime, long rowsRead, long eventsPublished,
                           Map<RejectReason, Long> rejections, long missingValues, long deadLetters,
                           long sendFailures, String failure, boolean interrupted, List<Sensor> sensors,
                           Duration elapsed) {

    /** True when Kafka acknowledged every record and the replay read its file to the end. */
    public boolean succeeded() {
        return sendFailures == 0 && !interrupted;
    }

    public long rejected() {
        return rejections.values().stream().mapToLong(Long::longValue).sum();
    }

    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "replay %s finished in %.1f s%n", dataset, elapsed.toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  rows read          %,d%n", rowsRead);
        out.printf(Locale.ROOT, "  events published   %,d%n", eventsPublished);
        out.printf(Locale.ROOT, "  missing values     %,d (marked not measured by the source: nothing to publish)%n",
                missingValues);
        out.printf(Locale.ROOT, "  rejected           %,d (dead letters published: %,d)%n", rejected(), deadLetters);
        rejections.forEach((reason, count) -> out.printf(Locale.ROOT, "    %-22s %,d%n", reason.code(), count));
        if (sendFailures > 0) {
            out.printf(Locale.ROOT, "  NOT PUBLISHED      %,d records: Kafka did not acknowledge them (%s); replay "
                    + "again%n", sendFailures, failure);
        }
        if (interrupted) {
            out.printf(Locale.ROOT, "  INTERRUPTED        after %,d rows: replay again%n", rowsRead);
        }
        out.printf(Locale.ROOT, "  replay id          %s (header cv-replay)%n", id);
        out.printf(Locale.ROOT, "  city               %s, event time %s to %s%n", cityCode, firstEventTime,
                lastEventTime);
        out.printf(Locale.ROOT, "  sensors            %,d%n", sensors.size());
        for (String topic : topics.both()) {
            out.printf(Locale.ROOT, "  %-18s offsets %s%n", topic, ranges(topic));
        }
    }

    /** {@code partition:start-end} of every partition of {@code topic}, in partition order. */
    private String ranges(String topic) {
        Map<Integer, String> byPartition = new TreeMap<>();
        startOffsets.forEach((tp, start) -> {
            if (tp.topic().equals(topic)) {
                byPartition.put(tp.partition(), tp.partition() + ":" + start + "-" + endOffsets.get(tp));
            }
        });
        return String.join(" ", byPartition.values());
    }
}
