package org.cityvitals.ingest.replay;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The end offsets of every partition of some topics, read through the admin API. */
final class TopicEnds implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final String bootstrapServers;
    private final List<TopicPartition> partitions;

    /**
     * @throws IllegalStateException naming the topic when one does not exist: a replay never lets Kafka create its
     *                               topics on the fly, as they would lack the platform's settings (log-append time)
     */
    TopicEnds(String bootstrapServers, List<String> topics) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
        try {
            Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames());
            this.partitions = described.values().stream().flatMap(d -> d.partitions().stream()
                    .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        } catch (IllegalStateException e) {
            admin.close();
            throw e;
        }
    }

    Map<TopicPartition, Long> now() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((p, info) -> ends.put(p, info.offset()));
        return Map.copyOf(ends);
    }

    @Override
    public void close() {
        admin.close();
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("a replay topic does not exist on " + bootstrapServers + " ("
                        + e.getCause().getMessage() + "): create the platform's topics first (the demo does)", e);
            }
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for offsets", e);
        }
    }
}
