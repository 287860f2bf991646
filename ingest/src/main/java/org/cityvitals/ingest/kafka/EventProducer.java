package org.cityvitals.ingest.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.ingest.source.OutboundEvent;
import org.cityvitals.ingest.source.Rejection;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one Kafka producer configuration of ingest: {@code acks=all} and idempotence, so a retried send neither loses
 * nor duplicates an event. Every send returns a future that fails when Kafka did not take the record.
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

    public CompletableFuture<RecordMetadata> send(OutboundEvent event) {
        return send(new ProducerRecord<>(event.topic(), null, event.eventTime().toEpochMilli(), event.key(),
                event.payload()));
    }

    /** Publishes the rejection as a {@link DeadLetter}, keyed by source so one source's letters stay in order. */
    public CompletableFuture<RecordMetadata> sendDeadLetter(Rejection rejection) {
        byte[] json = SignalCodec.toJsonBytes(rejection.toDeadLetter(Instant.now()));
        return send(new ProducerRecord<>(Topics.DEAD_LETTERS, rejection.source(), json));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) result.completeExceptionally(error);
                else result.complete(metadata);
            });
        } catch (RuntimeException e) { // e.g. max.block.ms expired waiting for metadata or buffer space
            result.completeExceptionally(e);
        }
        return result;
    }
}
