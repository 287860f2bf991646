package org.cityvitals.dashboard;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.KafkaBroker;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * One real Kafka broker and one real ClickHouse server (migrated) for every test class of this module: they take
 * seconds to start, and the tests keep apart by using their own alert ids and (indicator, district) keys.
 */
final class TestStack {

    private static TestStack instance;

    final KafkaBroker kafka;
    final ClickHouseServer clickHouseServer;
    final ClickHouse clickHouse;
    private final KafkaProducer<String, byte[]> producer;

    private TestStack(KafkaBroker kafka, ClickHouseServer clickHouseServer) throws Exception {
        this.kafka = kafka;
        this.clickHouseServer = clickHouseServer;
        kafka.createTopics(2, Topics.INDICATOR_UPDATES, Topics.ALERT_EVENTS, Topics.HEALTH_SCORES);
        new SchemaMigrator(new ClickHouse(clickHouseServer.jdbcUrl("default")), "cityvitals").migrate();
        this.clickHouse = new ClickHouse(clickHouseServer.jdbcUrl("cityvitals"));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    static synchronized TestStack get() throws Exception {
        if (instance == null) {
            Path dir = Files.createTempDirectory("cityvitals-dashboard-test");
            KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
            ClickHouseServer clickHouse = ClickHouseServer.start(dir.resolve("clickhouse"));
            instance = new TestStack(kafka, clickHouse);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    DashboardConfig config() {
        return DashboardConfig.of(kafka.bootstrapServers(), clickHouseServer.jdbcUrl("cityvitals")).withPort(0);
    }

    void publish(IndicatorValue value) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(Topics.INDICATOR_UPDATES, value.indicatorId() + "|" + value.district(),
                SignalCodec.toJsonBytes(value))).get();
    }

    void publish(HealthScoreValue health) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(Topics.HEALTH_SCORES, health.district(),
                SignalCodec.toJsonBytes(health))).get();
    }

    void publish(AlertEvent alert) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(Topics.ALERT_EVENTS, alert.alertId(), SignalCodec.toJsonBytes(alert))).get();
    }

    /** Sends all, then waits for every acknowledgement: far faster than one round trip each. */
    void publishAll(List<AlertEvent> alerts) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (AlertEvent alert : alerts) {
            sent.add(producer.send(new ProducerRecord<>(Topics.ALERT_EVENTS, alert.alertId(),
                    SignalCodec.toJsonBytes(alert))));
        }
        for (Future<RecordMetadata> ack : sent) {
            ack.get();
        }
    }

    private void close() {
        producer.close();
        kafka.close();
        clickHouseServer.close();
    }
}
