package org.cityvitals.jobs.source;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.jobs.alert.ManualResolve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Resolves from {@code cv.alert-actions}, from the group's committed offsets; a job's first start begins at the end
 * of the topic, because older resolves concern episodes of an earlier run. The actions carry wall-clock times, not
 * event time, so the source declares itself idle at every watermark tick: its records flow, and the job's event time
 * stays the events' own.
 */
public final class KafkaManualResolves implements ManualResolves {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaManualResolves.class);

    private final String bootstrapServers;
    private final String groupId;

    public KafkaManualResolves(String bootstrapServers, String groupId) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
    }

    @Override
    public DataStream<ManualResolve> attach(StreamExecutionEnvironment env) {
        KafkaSource<ManualResolve> source = KafkaSource.<ManualResolve>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(Topics.ALERT_ACTIONS)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST))
                .setDeserializer(new ResolveDeserializer())
                .build();
        return env.fromSource(source, WatermarkStrategy.forGenerator(ctx -> new AlwaysIdle()), "alert actions")
                .uid("alert-actions-source");
    }

    /**
     * Keeps the resolves; an action that cannot be read is counted ({@code unreadableAlertActions}) and logged with
     * its offset and content, where it stays in the topic for whoever wrote it.
     */
    static final class ResolveDeserializer implements KafkaRecordDeserializationSchema<ManualResolve> {

        private static final long serialVersionUID = 1L;
        private transient Counter unreadable;

        @Override
        public void open(DeserializationSchema.InitializationContext context) {
            unreadable = context.getMetricGroup().counter("unreadableAlertActions");
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ManualResolve> out) {
            try {
                ManualResolve.of(SignalCodec.fromJson(record.value(), AlertAction.class)).ifPresent(out::collect);
            } catch (RuntimeException e) {
                unreadable.inc();
                LOG.warn("{}-{}@{}: not an alert action ({}): {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage(),
                        record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public TypeInformation<ManualResolve> getProducedType() {
            return TypeInformation.of(ManualResolve.class);
        }
    }

    private static final class AlwaysIdle implements WatermarkGenerator<ManualResolve> {

        @Override
        public void onEvent(ManualResolve event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }
}
