package org.cityvitals.jobs.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.stack.testing.TopicMark;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared local stack as this module's integration tests use it: the platform's topics, a migrated database of the
 * test's own, sending events, the offsets that bound what a test wrote, and ClickHouse rows as text.
 */
public final class JobStack {

    public final String kafka = SharedStack.get().kafka(Topics.all());
    private final ClickHouse admin = new ClickHouse(SharedStack.get().jdbcUrl("default"));

    /** A fresh database with the platform's schema. */
    public String database(String prefix) throws Exception {
        String db = SharedStack.unique(prefix);
        new SchemaMigrator(admin, db).migrate();
        return db;
    }

    public String jdbcUrl() {
        return SharedStack.get().jdbcUrl("default");
    }

    public Map<String, TopicMark> mark(String... topics) {
        Map<String, TopicMark> marks = new HashMap<>();
        for (String topic : topics) {
            marks.put(topic, TopicMark.now(kafka, topic));
        }
        return marks;
    }

    /** The partitions' offsets of all {@code marks} together, as a Kafka source's starting point. */
    public static Map<TopicPartition, Long> offsets(Map<String, TopicMark> marks) {
        Map<TopicPartition, Long> all = new HashMap<>();
        marks.values().forEach(m -> all.putAll(m.offsets()));
        return all;
    }

    /** The current end of the same partitions. */
    public Map<TopicPartition, Long> ends(Map<String, TopicMark> marks) {
        return offsets(mark(marks.keySet().toArray(String[]::new)));
    }

    public void send(List<Reading> readings, List<Incident> incidents, String... rawReadings) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        readings.forEach(r -> records.add(new ProducerRecord<>(Topics.READINGS, bytes(r.sensorId()),
                EventCodec.toJsonBytes(r))));
        incidents.forEach(i -> records.add(new ProducerRecord<>(Topics.INCIDENTS, bytes(i.id()),
                EventCodec.toJsonBytes(i))));
        for (String raw : rawReadings) {
            records.add(new ProducerRecord<>(Topics.READINGS, null, bytes(raw)));
        }
        send(records);
    }

    /** Readings of one replay, stamped with its id as a replay stamps them. */
    public void sendReplay(String replayId, List<Reading> readings) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (Reading r : readings) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.REPLAY_READINGS, bytes(r.sensorId()),
                    EventCodec.toJsonBytes(r));
            record.headers().add(new RecordHeader("cv-replay", bytes(replayId)));
            records.add(record);
        }
        send(records);
    }

    private void send(List<ProducerRecord<byte[], byte[]>> records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** Every row of a query as text, columns joined by " | ". */
    public List<String> rows(String sql) throws Exception {
        return admin.query(sql, rs -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? " | " : "").append(rs.getString(i));
            }
            return row.toString();
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
