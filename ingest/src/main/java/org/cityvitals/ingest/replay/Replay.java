package org.cityvitals.ingest.replay;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.cityvitals.indicators.Durations;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.ingest.kafka.EventProducer;
import org.cityvitals.ingest.kafka.EventTopics;
import org.cityvitals.ingest.source.MappedRow;
import org.cityvitals.ingest.source.OutboundEvent;
import org.cityvitals.ingest.source.Rejection;
import org.cityvitals.ingest.source.SourceAdapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams a data set through its adapter, puts events in event-time order with a bounded buffer, paces them and
 * publishes them to the replay topics, every record with the {@code cv-replay} header; rejected rows go to the
 * dead-letter topic. Stops at the first record Kafka refuses, since every later one would fail the same way.
 * The programmatic entry point is {@link #publish}; {@code ./cityvitals replay} is {@link ReplayCommand}.
 */
public final class Replay {
    /** How often the progress callback hears from a running replay. */
    public static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);

    private final ReplayRequest request;
    private final SourceAdapter adapter;
    private final EventProducer producer;
    private final List<Header> headers;
    private final Pacer pacer;
    private final ReorderBuffer buffer;
    private final Map<RejectReason, Long> rejections = new EnumMap<>(RejectReason.class);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private long rows;
    private long missingValues;
    private Instant firstEventTime;
    private Instant lastEventTime;

    private Replay(ReplayRequest request, EventProducer producer) {
        this.request = request;
        this.adapter = request.adapter();
        this.producer = producer;
        this.headers = List.of(new RecordHeader(Topics.REPLAY_HEADER, request.id().getBytes(StandardCharsets.UTF_8)));
        this.pacer = new Pacer(request.speed());
        this.buffer = new ReorderBuffer(request.reorderWindow(), request.reorderCapacity());
    }

    /**
     * Replays {@code request} into the Kafka at {@code bootstrapServers}, reporting to {@code progress}.
     *
     * @throws IOException           when the file cannot be read
     * @throws IllegalStateException when Kafka cannot tell the topics' offsets (unreachable, topic missing)
     */
    public static ReplayResult publish(ReplayRequest request, String bootstrapServers, ReplayProgress progress)
            throws IOException {
        // a short max.block.ms so that an unreachable Kafka fails the replay in seconds, not after a minute per record
        try (TopicEnds ends = new TopicEnds(bootstrapServers, EventTopics.REPLAY.both());
             EventProducer producer = new EventProducer(bootstrapServers, Map.of("max.block.ms", 15_000))) {
            Map<TopicPartition, Long> start = ends.now();
            Replay replay = new Replay(request, producer);
            long started = System.nanoTime();
            replay.execute(progress);
            Map<TopicPartition, Long> end = ends.now();
            return replay.result(start, end, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void execute(ReplayProgress progress) throws IOException {
        long totalBytes = Files.size(request.file());
        long intervalNanos = PROGRESS_INTERVAL.toNanos();
        long nextReport = System.nanoTime() + intervalNanos;
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(request.file()));
             SourceAdapter.RowIterator mapped = adapter.open(bytes)) {
            while (mapped.hasNext() && firstFailure.get() == null && !Thread.currentThread().isInterrupted()) {
                MappedRow row = mapped.next();
                rows++;
                missingValues += row.missingValues();
                row.rejections().forEach(this::reject);
                for (OutboundEvent event : row.events()) {
                    buffer.offer(event, late -> reject(tooLate(late, row.line())));
                }
                if (row.progress() != null) {
                    buffer.advance(row.progress(), this::publish);
                }
                if (System.nanoTime() >= nextReport) {
                    progress.update(rows, bytes.count(), totalBytes, published.get(), false);
                    nextReport = System.nanoTime() + intervalNanos;
                }
            }
            buffer.drain(this::publish);
            producer.flush();
            progress.update(rows, bytes.count(), totalBytes, published.get(), true);
        }
    }

    private ReplayResult result(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, Duration elapsed) {
        Throwable failure = firstFailure.get();
        return new ReplayResult(request.id(), adapter.name(), adapter.city().code(), EventTopics.REPLAY, start, end,
                firstEventTime, lastEventTime, rows, published.get(),
                Collections.unmodifiableMap(new EnumMap<>(rejections)), missingValues, deadLetters.get(),
                sendFailures.get(), failure == null ? null : failure.toString(),
                Thread.currentThread().isInterrupted(), adapter.sensorsCreated(), elapsed);
    }

    /** Paces and publishes a released event; after a Kafka failure or an interrupt it only counts it as unpublished. */
    private void publish(OutboundEvent event) {
        if (firstFailure.get() != null || Thread.currentThread().isInterrupted()) {
            sendFailures.incrementAndGet();
            return;
        }
        pacer.awaitTurn(event.eventTime());
        if (firstEventTime == null) firstEventTime = event.eventTime(); // released in event-time order
        lastEventTime = event.eventTime();
        producer.send(event, EventTopics.REPLAY, headers, (ok, error) -> count(error, published));
    }

    private void reject(Rejection rejection) {
        rejections.merge(rejection.reason(), 1L, Long::sum);
        producer.sendDeadLetter(rejection).whenComplete((ok, error) -> count(error, deadLetters));
    }

    private void count(Throwable error, AtomicLong onSuccess) {
        if (error == null) {
            onSuccess.incrementAndGet();
        } else {
            sendFailures.incrementAndGet();
            firstFailure.compareAndSet(null, error);
        }
    }

    private Rejection tooLate(OutboundEvent event, long line) {
        return new Rejection(adapter.name(), RejectReason.TOO_LATE, "line " + line + ": event of " + event.key()
                + " at " + event.eventTime() + " is older than events already published (reorder window "
                + Durations.format(request.reorderWindow()) + ")",
                new String(event.payload(), StandardCharsets.UTF_8), line);
    }
}
