package org.cityvitals.dashboard.feed;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.SignalCodec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes alert actions on {@code cv.alert-actions}, keyed by alert id so the actions on one alert stay in order.
 * Every dashboard instance reads the topic, so an action taken on one reaches the screens of all. The dashboard owns
 * the topic and creates it when it is missing (broker defaults for partitions and replication). Blocking: call off
 * the event loop.
 */
public final class AlertActionPublisher implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final KafkaProducer<String, byte[]> producer;

    public AlertActionPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(SEND_TIMEOUT_SECONDS),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(SEND_TIMEOUT_SECONDS)),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the action and waits until the broker has it. */
    public void publish(AlertAction action) throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(Topics.ALERT_ACTIONS, action.alertId(), SignalCodec.toJsonBytes(action)))
                .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Creates {@code cv.alert-actions} when it does not exist; a broker that is down is left to the caller's retry. */
    static void ensureTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(Topics.ALERT_ACTIONS, Optional.empty(), Optional.empty())))
                    .all().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + Topics.ALERT_ACTIONS + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create " + Topics.ALERT_ACTIONS + " on " + bootstrapServers
                    + ": no answer in 5 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
