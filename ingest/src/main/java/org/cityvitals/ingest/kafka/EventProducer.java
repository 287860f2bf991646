package org.cityvitals.ingest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.ingest.source.OutboundEvent;
import org.cityvitals.ingest.source.Rejection;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one Kafka producer configuration of ingest: {@code acks=all} and idempotence, so a retried send neither loses
 * nor duplicates an event; lz4-compressed batches of up to 256 KiB, lingering 5 ms to fill them. Every send reports
 * when Kafka did not take the record.
 */
public final class EventProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    /** @param overrides producer settings that differ from ingest's defaults, e.g. shorter timeouts */
    public EventProducer(String bootstrapServers, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putAll(overrides);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes {@code event} to its topic among {@code topics}; the future fails when Kafka did not take it. */
    public CompletableFuture<RecordMetadata> send(OutboundEvent event, EventTopics topics, List<Header> headers) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        send(event, topics, headers, completing(result));
        return result;
    }

    /**
     * The same with a callback instead of a future (the replay's hot path): {@code done} runs on the producer's
     * thread, or at once with the error when the record could not even be queued.
     */
    public void send(OutboundEvent event, EventTopics topics, List<Header> headers, Callback done) {
        send(new ProducerRecord<>(topics.of(event.kind()), null, event.eventTime().toEpochMilli(), event.key(),
                event.payload(), headers), done);
    }

    /** Publishes the rejection as a {@link DeadLetter}, keyed by source so one source's letters stay in order. */
    public CompletableFuture<RecordMetadata> sendDeadLetter(Rejection rejection) {
        return sendDeadLetter(rejection, List.of());
    }

    /** The same with record headers, e.g. who sent the refused item. */
    public CompletableFuture<RecordMetadata> sendDeadLetter(Rejection rejection, List<Header> headers) {
        byte[] json = SignalCodec.toJsonBytes(rejection.toDeadLetter(Instant.now()));
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        send(new ProducerRecord<>(Topics.DEAD_LETTERS, null, null, rejection.source(), json, headers),
                completing(result));
        return result;
    }

    /** Reports the producer's own metrics (send rate, errors, buffer) to {@code registry}. */
    public AutoCloseable bindMetrics(MeterRegistry registry) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static Callback completing(CompletableFuture<RecordMetadata> result) {
        return (metadata, error) -> {
            if (error != null) result.completeExceptionally(error);
            else result.complete(metadata);
        };
    }

    private void send(ProducerRecord<String, byte[]> record, Callback done) {
        try {
            producer.send(record, done);
        } catch (RuntimeException e) { // e.g. max.block.ms expired waiting for metadata or buffer space
            done.onCompletion(null, e);
        }
    }
}
