package org.cityvitals.jobs.source;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;

/**
 * Readings and incidents from Kafka, decoded inside the source so watermarks are generated per partition from the
 * events' own time. Live: the platform's topics from the committed offsets (or the beginning). Backfill: a replay's
 * topics between the offsets its replay recorded, keeping only its own records.
 */
public final class KafkaEvents implements EventSource {

    private static final long serialVersionUID = 1L;

    private final String bootstrapServers;
    private final List<String> topics;
    private final String groupId;
    private final boolean fromEarliest;
    private final Map<TopicPartition, Long> startOffsets;
    private final Map<TopicPartition, Long> endOffsets;
    private final String replayId;

    private KafkaEvents(String bootstrapServers, List<String> topics, String groupId, boolean fromEarliest,
                        Map<TopicPartition, Long> startOffsets, Map<TopicPartition, Long> endOffsets,
                        String replayId) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.groupId = groupId;
        this.fromEarliest = fromEarliest;
        this.startOffsets = startOffsets;
        this.endOffsets = endOffsets;
        this.replayId = replayId;
    }

    /** The live topics, from the group's committed offsets (or from the beginning). */
    public static KafkaEvents live(String bootstrapServers, List<String> topics, String groupId,
                                   boolean fromEarliest) {
        return new KafkaEvents(bootstrapServers, topics, groupId, fromEarliest, null, null, null);
    }

    /** Exactly the records one replay published: its offset range, filtered by its {@code cv-replay} header. */
    public static KafkaEvents replay(String bootstrapServers, String replayId, Map<TopicPartition, Long> start,
                                     Map<TopicPartition, Long> end) {
        return new KafkaEvents(bootstrapServers, topicsOf(start), "cityvitals-backfill-" + replayId, false,
                Map.copyOf(start), Map.copyOf(end), replayId);
    }

    /**
     * The records from {@code start} on, up to {@code end} when it is not null (a bounded source) or for as long as
     * the job runs: what one test wrote into topics other tests share.
     */
    public static KafkaEvents from(String bootstrapServers, String groupId, Map<TopicPartition, Long> start,
                                   Map<TopicPartition, Long> end) {
        return new KafkaEvents(bootstrapServers, topicsOf(start), groupId, false, Map.copyOf(start),
                end == null ? null : Map.copyOf(end), null);
    }

    private static List<String> topicsOf(Map<TopicPartition, Long> offsets) {
        return offsets.keySet().stream().map(TopicPartition::topic).distinct().sorted().toList();
    }

    @Override
    public DataStream<DecodedEvent> attach(StreamExecutionEnvironment env,
                                           WatermarkStrategy<DecodedEvent> watermarks) {
        KafkaSourceBuilder<DecodedEvent> source = KafkaSource.<DecodedEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topics)
                .setGroupId(groupId)
                .setDeserializer(new EventDeserializer(replayId))
                .setProperty("partition.discovery.interval.ms", "60000");
        if (startOffsets != null) {
            source.setStartingOffsets(OffsetsInitializer.offsets(startOffsets));
            if (endOffsets != null) {
                source.setBounded(OffsetsInitializer.offsets(endOffsets));
            }
        } else {
            source.setStartingOffsets(fromEarliest ? OffsetsInitializer.earliest()
                    : OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
        }
        return env.fromSource(source.build(), watermarks, "readings and incidents").uid("events-source");
    }
}
