package org.cityvitals.dashboard.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
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
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code cv.indicators}, {@code cv.health}, {@code cv.alerts} and {@code cv.alert-actions} and publishes every
 * decoded record on the {@link SignalBus}: values and health scores as they are, alert transitions and actions as
 * the alert stream, each with its {@link Position} (the durable sequence clients resume from).
 *
 * <p>Each server assigns itself every partition instead of joining a consumer group: every dashboard instance must
 * see every record, and it commits nothing because on start it replays the last {@code catchUp} from the offsets
 * for that time, which rebuilds the latest values (and alert transitions since the ClickHouse load) by itself.
 * The consumer runs on its own thread because {@code poll} blocks. After assigning, it tells the live view where the
 * replay of each alert-stream partition starts, and again once it has read everything Kafka held at that moment
 * (until then the live view turns screens away, so none gets a half-built snapshot).
 *
 * <p>It waits for the indicator and alert topics, without which a screen is useless, but not for the health topic:
 * a stack whose job does not publish health scores yet still gets its live view, and the health topic is picked up
 * (with the same replay) once it appears.
 */
public final class KafkaSignalVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSignalVerticle.class);
    /**
     * Each topic read, with the signal it carries, and either the bus address it is published on or, for the alert
     * stream, the letter that names it in cursors.
     */
    private static final Map<String, Route> ROUTES = Map.of(
            Topics.INDICATOR_UPDATES, new Route(SignalBus.INDICATORS, IndicatorValue.class, null),
            Topics.HEALTH_SCORES, new Route(SignalBus.HEALTH, HealthScoreValue.class, null),
            Topics.ALERT_EVENTS, new Route(SignalBus.ALERT_STREAM, AlertEvent.class, "a"),
            Topics.ALERT_ACTIONS, new Route(SignalBus.ALERT_STREAM, AlertAction.class, "x"));
    private static final List<String> REQUIRED_TOPICS = List.of(Topics.INDICATOR_UPDATES, Topics.ALERT_EVENTS,
            Topics.ALERT_ACTIONS);
    private static final List<String> OPTIONAL_TOPICS = List.of(Topics.HEALTH_SCORES);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration LATE_TOPIC_CHECK = Duration.ofSeconds(10);

    private record Route(String address, Class<?> type, String stream) {}

    private final String bootstrapServers;
    private final Duration catchUp;
    private final int alertStreamRecords;
    private final FeedStatus status;
    private final Counter received;
    private final Counter undecodable;
    private final MeterRegistry meters;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param alertStreamRecords how many of the newest alert-stream records (per partition) to replay whatever
     *                           their age: what the live view's log holds, so that a client can resume after a restart
     */
    public KafkaSignalVerticle(String bootstrapServers, Duration catchUp, int alertStreamRecords, FeedStatus status,
                               MeterRegistry meters) {
        this.bootstrapServers = bootstrapServers;
        this.catchUp = catchUp;
        this.alertStreamRecords = alertStreamRecords;
        this.status = status;
        this.received = meters.counter("cityvitals.dashboard.kafka.records");
        this.undecodable = meters.counter("cityvitals.dashboard.kafka.undecodable");
        this.meters = meters;
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
            try (KafkaConsumer<byte[], byte[]> c = newConsumer();
                 KafkaClientMetrics clientMetrics = new KafkaClientMetrics(c)) {
                consumer = c;
                clientMetrics.bindTo(meters);
                List<TopicPartition> partitions = awaitRequiredPartitions(c);
                if (partitions.isEmpty()) {
                    return; // stopped while waiting
                }
                List<String> missingOptional = new ArrayList<>(OPTIONAL_TOPICS);
                partitions.addAll(takePartitionsOfExisting(c, missingOptional));
                c.assign(partitions);
                seekToCatchUpStart(c, partitions);
                Map<TopicPartition, Long> endAtStart = c.endOffsets(partitions);
                Map<String, Long> starts = streamStarts(c, partitions);
                vertx.eventBus().publish(SignalBus.STREAM_START, new StreamStart(starts, false));
                LOG.info("replaying the alert stream from {} up to {}", new java.util.TreeMap<>(starts), endAtStart);
                boolean caughtUp = false;
                status.kafkaAssigned(true);
                LOG.info("consuming {} from {}, replaying the last {}; not there yet: {}",
                        partitions.stream().map(TopicPartition::topic).distinct().toList(), bootstrapServers,
                        catchUp, missingOptional);
                long nextLateTopicCheck = System.nanoTime() + LATE_TOPIC_CHECK.toNanos();
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                        publish(r);
                    }
                    if (!caughtUp && reached(c, endAtStart)) {
                        caughtUp = true;
                        vertx.eventBus().publish(SignalBus.STREAM_START, new StreamStart(starts, true));
                        status.caughtUp();
                        LOG.info("caught up with Kafka: accepting screens");
                    }
                    if (!missingOptional.isEmpty() && System.nanoTime() > nextLateTopicCheck) {
                        addLateTopics(c, partitions, missingOptional);
                        nextLateTopicCheck = System.nanoTime() + LATE_TOPIC_CHECK.toNanos();
                    }
                }
            } catch (WakeupException closing) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Kafka consumer failed, retrying in {}: {}{}", RETRY, e,
                        e.getCause() == null ? "" : " (" + e.getCause() + ")");
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
     * The partitions of the required topics, waiting while they do not exist yet (the demo starts us before the
     * job); empty when stopped meanwhile.
     */
    private List<TopicPartition> awaitRequiredPartitions(KafkaConsumer<byte[], byte[]> c) {
        boolean told = false;
        AlertActionPublisher.ensureTopic(bootstrapServers);
        while (running) {
            List<String> missing = new ArrayList<>(REQUIRED_TOPICS);
            List<TopicPartition> partitions = takePartitionsOfExisting(c, missing);
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

    /** The partitions of those {@code topics} that exist, removing them from {@code topics}. */
    private static List<TopicPartition> takePartitionsOfExisting(KafkaConsumer<byte[], byte[]> c, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.copyOf(topics)) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                topics.remove(topic);
            }
        }
        return partitions;
    }

    /** Starts reading optional topics created since; partitions already assigned keep their positions. */
    private void addLateTopics(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> assigned, List<String> missing) {
        List<TopicPartition> late = takePartitionsOfExisting(c, missing);
        if (!late.isEmpty()) {
            assigned.addAll(late);
            c.assign(assigned);
            seekToCatchUpStart(c, late);
            LOG.info("Kafka topics appeared, now consuming {}", late);
        }
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
        // the alert stream is replayed by count, not by time: the newest records that fit the live view's log, so a
        // client that resumes after a restart finds what it missed whenever the log could have held it
        List<TopicPartition> stream = partitions.stream().filter(p -> ROUTES.get(p.topic()).stream() != null).toList();
        Map<TopicPartition, Long> first = c.beginningOffsets(stream);
        Map<TopicPartition, Long> last = c.endOffsets(stream);
        stream.forEach(p -> c.seek(p, Math.max(first.get(p), last.get(p) - alertStreamRecords)));
    }

    /** Where the replay of each alert-stream partition starts, by its name in cursors ({@code a0}). */
    private static Map<String, Long> streamStarts(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions) {
        Map<String, Long> starts = new HashMap<>();
        for (TopicPartition p : partitions) {
            String stream = ROUTES.get(p.topic()).stream();
            if (stream != null) {
                starts.put(stream + p.partition(), c.position(p));
            }
        }
        return starts;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
    }

    private void publish(ConsumerRecord<byte[], byte[]> r) {
        received.increment();
        status.recordReceived();
        Route route = ROUTES.get(r.topic());
        try {
            Object signal = SignalCodec.fromJson(r.value(), route.type());
            vertx.eventBus().publish(route.address(), route.stream() == null ? signal
                    : new Sequenced(signal, new Position(route.stream() + r.partition(), r.offset(), r.timestamp())));
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
