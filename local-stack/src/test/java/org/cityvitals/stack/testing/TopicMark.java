package org.cityvitals.stack.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end of a topic at one moment, so that a test reads exactly the records written after it, although the broker
 * is shared ({@link SharedStack}). The marked offsets also bound a Flink Kafka source to a test's own records.
 */
public final class TopicMark {

    private final String bootstrapServers;
    private final String topic;
    private final Map<TopicPartition, Long> start;

    private TopicMark(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            this.start = Map.copyOf(consumer.endOffsets(partitions(consumer)));
        }
    }

    public static TopicMark now(String bootstrapServers, String topic) {
        return new TopicMark(bootstrapServers, topic);
    }

    /** The offset of every partition when the mark was taken. */
    public Map<TopicPartition, Long> offsets() {
        return start;
    }

    /** Every record written since the mark and before this call, partition by partition in log order. */
    public List<ConsumerRecord<byte[], byte[]>> records() {
        return recordsUntil(0, Duration.ZERO);
    }

    /**
     * Waits until at least {@code atLeast} records were written since the mark (or {@code timeout} passed), then
     * returns every record written since the mark, as {@link #records()} does.
     */
    public List<ConsumerRecord<byte[], byte[]>> recordsUntil(int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (written(end) < atLeast && System.nanoTime() < deadline) {
                sleep();
                end = consumer.endOffsets(partitions);
            }
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, start.getOrDefault(p, 0L)));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long readDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reached(consumer, end) && System.nanoTime() < readDeadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The values written since the mark, as UTF-8 text. */
    public List<String> values() {
        return records().stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private long written(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum();
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed",
                "max.poll.records", 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
