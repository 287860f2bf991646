package org.cityvitals.ingest.replay;

import org.cityvitals.ingest.kafka.EventProducer;
import org.cityvitals.ingest.source.Datasets;
import org.cityvitals.ingest.source.MappedRow;
import org.cityvitals.ingest.source.OutboundEvent;
import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.ingest.source.Rejection;
import org.cityvitals.ingest.source.SourceAdapter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code replay --dataset NAME --file PATH [--speed N | --max] [--kafka HOST:PORT]}: streams a public data set
 * through its adapter, puts events in event-time order with a bounded buffer, paces them and publishes them to Kafka;
 * rejected rows go to the dead-letter topic. Stops at the first record Kafka refuses, since every later one would
 * fail the same way.
 */
public final class Replay {
    private final ReplayOptions options;
    private final SourceAdapter adapter;
    private final EventProducer producer;
    private final PrintStream out;
    private final Pacer pacer;
    private final ReorderBuffer buffer;
    private final Map<RejectReason, Long> rejections = new EnumMap<>(RejectReason.class);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    Replay(ReplayOptions options, SourceAdapter adapter, EventProducer producer, PrintStream out) {
        this.options = options;
        this.adapter = adapter;
        this.producer = producer;
        this.out = out;
        this.pacer = new Pacer(options.max() ? Double.POSITIVE_INFINITY : options.speed());
        this.buffer = new ReorderBuffer(options.reorderWindow(), options.reorderCapacity());
    }

    /** Entry point of {@code ./cityvitals replay}; returns the process exit code (0 ok, 1 failed, 2 usage). */
    public static int run(String[] args, PrintStream out) {
        ReplayOptions options;
        SourceAdapter adapter;
        try {
            options = ReplayOptions.parse(args);
            adapter = Datasets.adapterFor(options.dataset(), options.metadata());
        } catch (IllegalArgumentException e) {
            out.println("replay: " + e.getMessage());
            out.printf(ReplayOptions.USAGE, String.join(", ", Datasets.names()));
            return 2;
        }
        // a short max.block.ms so that an unreachable Kafka fails the replay in seconds, not after a minute per record
        try (EventProducer producer = new EventProducer(options.kafka(), Map.of("max.block.ms", 15_000))) {
            ReplaySummary summary = new Replay(options, adapter, producer, out).execute();
            summary.print(out);
            return summary.sendFailures() == 0 && !Thread.currentThread().isInterrupted() ? 0 : 1;
        } catch (IOException e) {
            out.println("replay: cannot read " + options.file() + ": " + e.getMessage());
            return 1;
        }
    }

    ReplaySummary execute() throws IOException {
        long started = System.nanoTime();
        long rows = 0;
        long missing = 0;
        ProgressLine progress = new ProgressLine(out, Files.size(options.file()), Duration.ofMillis(500));
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(options.file()));
             SourceAdapter.RowIterator mapped = adapter.open(bytes)) {
            while (mapped.hasNext() && firstFailure.get() == null && !Thread.currentThread().isInterrupted()) {
                MappedRow row = mapped.next();
                rows++;
                missing += row.missingValues();
                row.rejections().forEach(this::reject);
                for (OutboundEvent event : row.events()) {
                    buffer.offer(event, late -> reject(tooLate(late, row.line())));
                }
                if (row.progress() != null) {
                    buffer.advance(row.progress(), this::publish);
                }
                progress.update(rows, bytes.count(), published.get());
            }
            buffer.drain(this::publish);
            producer.flush();
            progress.finish(rows, bytes.count(), published.get());
        }
        if (Thread.currentThread().isInterrupted()) {
            out.println("replay: interrupted after " + rows + " rows");
        }
        if (firstFailure.get() != null) {
            out.println("replay: Kafka at " + options.kafka() + " did not take the data: " + firstFailure.get());
        }
        return new ReplaySummary(adapter.name(), rows, published.get(), Collections.unmodifiableMap(new EnumMap<>(rejections)), missing,
                deadLetters.get(), sendFailures.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Paces and publishes a released event; after a Kafka failure or an interrupt it only counts it as unpublished. */
    private void publish(OutboundEvent event) {
        if (firstFailure.get() != null || Thread.currentThread().isInterrupted()) {
            sendFailures.incrementAndGet();
            return;
        }
        pacer.awaitTurn(event.eventTime());
        producer.send(event).whenComplete((ok, error) -> count(error, published));
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
                + options.reorderWindow().toMinutes() + " min)", new String(event.payload(), StandardCharsets.UTF_8),
                line);
    }
}
