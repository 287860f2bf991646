package org.cityvitals.dashboard.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code cv.indicators} and {@code cv.alerts} and publishes every decoded record on the {@link SignalBus}.
 *
 * <p>Each server assigns itself every partition instead of joining a consumer group: every dashboard instance must
 * see every record, and it commits nothing because on start it replays the last {@code catchUp} from the offsets
 * for that time, which rebuilds the latest values (and alert transitions since the ClickHouse load) by itself.
 * The consumer runs on its own thread because {@code poll} blocks.
 */
public final class KafkaSignalVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSignalVerticle.class);
    private static final List<String> TOPICS = List.of(Topics.INDICATOR_UPDATES, Topics.ALERT_EVENTS);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final Duration catchUp;
    private final FeedStatus status;
    private final Counter received;
    private final Counter undecodable;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public KafkaSignalVerticle(String bootstrapServers, Duration catchUp, FeedStatus status, MeterRegistry meters) {
        this.bootstrapServers = bootstrapServers;
        this.catchUp = catchUp;
        this.status = status;
        this.received = meters.counter("cityvitals.dashboard.kafka.records");
        this.undecodable = meters.counter("cityvitals.dashboard.kafka.undecodable");
    }

    @Override
    public Future<?> start() {
        thread = new Thread(this::consumeUntilStopped, "cityvitals-dashboard-kafka");
        thread.setDaemon(true);
        thread.start();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        return vertx.executeBlocking(() -> {
            thread.join(Duration.ofSeconds(10).toMillis());
            return null;
        });
    }

    /** Reconnects and replays again after any failure; replays are harmless because the live view merges by version. */
    private void consumeUntilStopped() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = newConsumer()) {
                consumer = c;
                List<TopicPartition> partitions = awaitPartitions(c);
                if (partitions.isEmpty()) {
                    return; // stopped while waiting
                }
                c.assign(partitions);
                seekToCatchUpStart(c, partitions);
                status.kafkaAssigned(true);
                LOG.info("consuming {} from {}, replaying the last {}", TOPICS, bootstrapServers, catchUp);
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                        publish(r);
                    }
                }
            } catch (WakeupException closing) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Kafka consumer failed, retrying in {}: {}", RETRY, e.toString());
                pause();
            } finally {
                status.kafkaAssigned(false);
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "cityvitals-dashboard-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // the flink job creates its topics with the partitions it wants; never create them by reading
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The partitions of both topics, waiting while they do not exist yet (the demo starts us before the job);
     * empty when stopped meanwhile.
     */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> c) {
        boolean told = false;
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos == null || infos.isEmpty()) {
                    missing.add(topic);
                } else {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            if (missing.isEmpty()) {
                return partitions;
            }
            if (!told) {
                LOG.info("waiting for Kafka topics {} on {}", missing, bootstrapServers);
                told = true;
            }
            pause();
        }
        return List.of();
    }

    private void seekToCatchUpStart(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions) {
        long since = Instant.now().minus(catchUp).toEpochMilli();
        Map<TopicPartition, OffsetAndTimestamp> offsets = c.offsetsForTimes(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> since)));
        List<TopicPartition> nothingSince = new ArrayList<>();
        offsets.forEach((partition, offset) -> {
            if (offset == null) {
                nothingSince.add(partition);
            } else {
                c.seek(partition, offset.offset());
            }
        });
        c.seekToEnd(nothingSince);
    }

    private void publish(ConsumerRecord<byte[], byte[]> r) {
        received.increment();
        status.recordReceived();
        try {
            if (r.topic().equals(Topics.INDICATOR_UPDATES)) {
                vertx.eventBus().publish(SignalBus.INDICATORS, SignalCodec.fromJson(r.value(), IndicatorValue.class));
            } else {
                vertx.eventBus().publish(SignalBus.ALERTS, SignalCodec.fromJson(r.value(), AlertEvent.class));
            }
        } catch (RuntimeException e) {
            undecodable.increment();
            LOG.warn("skipping undecodable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
