package org.cityvitals.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Marks the current end of a single-partition topic, and later reads every record written after the mark: the
 * records one test step produced, even though the broker is shared.
 */
public final class TopicTail {
    private final String bootstrapServers;
    private final TopicPartition partition;
    private final long start;

    private TopicTail(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            this.start = consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    public static TopicTail mark(String bootstrapServers, String topic) {
        return new TopicTail(bootstrapServers, topic);
    }

    /** Every record written since the mark, in log order. */
    public List<ConsumerRecord<byte[], byte[]>> records() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            consumer.assign(List.of(partition));
            consumer.seek(partition, start);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed",
                "max.poll.records", 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
