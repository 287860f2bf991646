package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
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
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.cityvitals.store.table.AlertEventTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The shared local stack (one real broker and ClickHouse server per test JVM) with the platform's database migrated,
 * as the dashboard's tests use it: they keep apart by their own alert ids and (indicator, district) keys.
 */
final class TestStack {

    private static TestStack instance;

    final String kafka;
    final ClickHouseServer clickHouseServer;
    final ClickHouse clickHouse;
    private final KafkaProducer<String, byte[]> producer;

    private TestStack() throws Exception {
        SharedStack shared = SharedStack.get();
        this.kafka = shared.kafka(Topics.INDICATOR_UPDATES, Topics.ALERT_EVENTS, Topics.HEALTH_SCORES,
                Topics.ALERT_ACTIONS);
        this.clickHouseServer = shared.clickHouse();
        new SchemaMigrator(new ClickHouse(clickHouseServer.jdbcUrl("default")), "cityvitals").migrate();
        this.clickHouse = new ClickHouse(clickHouseServer.jdbcUrl("cityvitals"));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    static synchronized TestStack get() throws Exception {
        if (instance == null) {
            instance = new TestStack();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.producer::close));
        }
        return instance;
    }

    DashboardConfig config() {
        return DashboardConfig.of(kafka, clickHouseServer.jdbcUrl("cityvitals")).withPort(0);
    }

    /** Starts a server and waits until it accepts screens (its Kafka replay has caught up). */
    static DashboardServer startReady(Vertx vertx, DashboardConfig config) throws Exception {
        DashboardServer server = DashboardServer.start(vertx, config).await(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.ready() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!server.ready()) {
            throw new IllegalStateException("the dashboard did not catch up with Kafka in 60 s");
        }
        return server;
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

    /** Writes alert transitions to ClickHouse as the job's sink does. */
    void insertAlerts(List<AlertEvent> alerts) throws java.sql.SQLException {
        clickHouse.insert("cityvitals", new AlertEventTable(), alerts);
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
}
