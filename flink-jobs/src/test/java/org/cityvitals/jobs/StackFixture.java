package org.cityvitals.jobs;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.KafkaBroker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A real Kafka broker and a real ClickHouse server for the integration tests of this module. */
final class StackFixture implements AutoCloseable {

    final KafkaBroker kafka;
    final ClickHouseServer clickHouse;

    StackFixture(Path dir) {
        kafka = KafkaBroker.start(dir.resolve("kafka"));
        clickHouse = ClickHouseServer.start(dir.resolve("clickhouse"));
        kafka.createTopics(2, Topics.READINGS, Topics.INCIDENTS, Topics.INDICATOR_UPDATES, Topics.ALERT_EVENTS,
                Topics.HEALTH_SCORES, Topics.DEAD_LETTERS);
    }

    static Reading pm25(String sensor, String district, Instant at, double value) {
        return new Reading(sensor, "pm25", value, "µg/m³", at, district, null, null, Quality.GOOD);
    }

    void send(List<Reading> readings, String... rawPayloads) throws Exception {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Reading r : readings) {
                producer.send(new ProducerRecord<>(Topics.READINGS, r.sensorId().getBytes(StandardCharsets.UTF_8),
                        EventCodec.toJsonBytes(r)));
            }
            for (String raw : rawPayloads) {
                producer.send(new ProducerRecord<>(Topics.READINGS, null, raw.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** Every record of a topic from the beginning, waiting until {@code expected} have arrived or 20 s passed. */
    List<String> readAll(String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
            // one more short poll so that "more than expected" is seen too
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                values.add(new String(r.value(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        clickHouse.close();
        kafka.close();
    }
}
