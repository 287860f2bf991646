package org.cityvitals.jobs.sink;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;

import java.nio.charset.StandardCharsets;

/**
 * Kafka outputs for the dashboard. At-least-once: consumers key on (indicator, district, window) and alert id with
 * versions, so a record written twice after a restore is recognised as the same one.
 */
public final class KafkaSinks {

    private KafkaSinks() {}

    public static KafkaSink<IndicatorValue> indicatorValues(String bootstrap) {
        return sink(bootstrap, Topics.INDICATOR_UPDATES, v -> utf8(v.indicatorId() + "|" + v.district()));
    }

    public static KafkaSink<AlertEvent> alertEvents(String bootstrap) {
        return sink(bootstrap, Topics.ALERT_EVENTS, e -> utf8(e.alertId()));
    }

    public static KafkaSink<DeadLetter> deadLetters(String bootstrap) {
        return sink(bootstrap, Topics.DEAD_LETTERS, d -> utf8(d.source()));
    }

    private static <T> KafkaSink<T> sink(String bootstrap, String topic, SerializationSchema<T> key) {
        SerializationSchema<T> json = SignalCodec::toJsonBytes;
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.<T>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(key)
                        .setValueSerializationSchema(json)
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("linger.ms", "20")
                .build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
