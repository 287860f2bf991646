package org.cityvitals.jobs.history;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.Decoded;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.sink.ClickHouseSink;
import org.cityvitals.jobs.sink.Refusals;
import org.cityvitals.store.table.AlertEventTable;
import org.cityvitals.store.table.HealthScoreTable;
import org.cityvitals.store.table.IncidentTable;
import org.cityvitals.store.table.IndicatorValueTable;
import org.cityvitals.store.table.ReadingTable;
import org.cityvitals.store.table.TableMapping;

import java.io.IOException;
import java.util.function.Function;

/**
 * The history store's loader: everything the platform publishes (values, health scores, alerts) and everything it
 * takes in (readings, incidents) goes from Kafka into ClickHouse, in its own job. The vital-signs job writes to Kafka
 * only, so a ClickHouse outage back-pressures this job alone while values and alerts keep reaching the screens; Kafka
 * holds what the store has not taken yet, and the loader catches up from its committed offsets when ClickHouse
 * returns. Rows carry deterministic keys into ReplacingMergeTree tables, so at-least-once is effectively once.
 * Readings and incidents that do not decode are skipped here: the vital-signs job keeps them as dead letters.
 */
public final class HistoryLoader {

    public static final String GROUP_ID = "cityvitals-history";

    private final JobSettings settings;
    private final Refusals refusals;
    private final StartingPoint startingPoint;

    /** Where the loader starts reading a topic, and whether it stops: committed offsets for ever in a deployment. */
    public interface StartingPoint extends java.io.Serializable {
        void apply(String topic, KafkaSourceBuilder<?> source);

        StartingPoint COMMITTED = (topic, source) ->
                source.setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
    }

    public HistoryLoader(JobSettings settings, Refusals refusals, StartingPoint startingPoint) {
        this.settings = settings;
        this.refusals = refusals;
        this.startingPoint = startingPoint;
    }

    public void build(StreamExecutionEnvironment env) {
        load(env, Topics.INDICATOR_UPDATES, signals(IndicatorValue.class), new IndicatorValueTable(Origin.LIVE));
        load(env, Topics.HEALTH_SCORES, signals(HealthScoreValue.class), new HealthScoreTable(Origin.LIVE));
        load(env, Topics.ALERT_EVENTS, signals(AlertEvent.class), new AlertEventTable());
        load(env, Topics.READINGS, events(Reading.class, EventCodec::decodeReading), new ReadingTable());
        load(env, Topics.INCIDENTS, events(Incident.class, EventCodec::decodeIncident), new IncidentTable());
    }

    private <T> void load(StreamExecutionEnvironment env, String topic, DeserializationSchema<T> decoder,
                          TableMapping<T> table) {
        KafkaSourceBuilder<T> source = KafkaSource.<T>builder()
                .setBootstrapServers(settings.kafka())
                .setTopics(topic)
                .setGroupId(GROUP_ID)
                .setValueOnlyDeserializer(decoder);
        startingPoint.apply(topic, source);
        env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), topic).uid("load-" + topic)
                .sinkTo(new ClickHouseSink<>(settings.clickHouseUrl(), settings.database(), table, refusals))
                .uid("store-" + table.table()).name(topic + " → " + table.table());
    }

    private static <T> DeserializationSchema<T> signals(Class<T> type) {
        return new Decoder<>(type, bytes -> SignalCodec.fromJson(bytes, type));
    }

    private static <T> DeserializationSchema<T> events(Class<T> type, DecodeFunction<T> decode) {
        return new Decoder<>(type, bytes -> {
            Decoded<T> decoded = decode.apply(bytes);
            return decoded.ok() ? decoded.value() : null;
        });
    }

    interface DecodeFunction<T> extends java.io.Serializable {
        Decoded<T> apply(byte[] bytes);
    }

    interface Decode<T> extends Function<byte[], T>, java.io.Serializable {}

    /** Decodes one record; a null result (an event that does not decode) is skipped. */
    private static final class Decoder<T> implements DeserializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final Decode<T> decode;

        Decoder(Class<T> type, Decode<T> decode) {
            this.type = type;
            this.decode = decode;
        }

        @Override
        public T deserialize(byte[] message) {
            return decode.apply(message);
        }

        @Override
        public void deserialize(byte[] message, Collector<T> out) throws IOException {
            T value = message == null ? null : deserialize(message);
            if (value != null) {
                out.collect(value);
            }
        }

        @Override
        public boolean isEndOfStream(T nextElement) {
            return false;
        }

        @Override
        public TypeInformation<T> getProducedType() {
            return TypeInformation.of(type);
        }
    }
}
