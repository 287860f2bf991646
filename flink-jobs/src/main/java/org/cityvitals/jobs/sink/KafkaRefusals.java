package org.cityvitals.jobs.sink;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.SignalCodec;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Refusals go to the platform's topics: dead letters to cv.deadletters, the store-lag alarm to cv.alerts. */
public final class KafkaRefusals implements Refusals {

    private static final long serialVersionUID = 1L;

    private final String bootstrapServers;

    public KafkaRefusals(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public Reporter open() {
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer());
        return new Reporter() {
            @Override
            public void deadLetter(DeadLetter deadLetter) {
                send(Topics.DEAD_LETTERS, deadLetter.source(), deadLetter);
            }

            @Override
            public void alarm(AlertEvent alarm) {
                send(Topics.ALERT_EVENTS, alarm.alertId(), alarm);
            }

            private void send(String topic, String key, Object value) {
                producer.send(new ProducerRecord<>(topic, null, null, key.getBytes(StandardCharsets.UTF_8),
                        SignalCodec.toJsonBytes(value), KafkaSinks.schemaHeader()));
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }
}
