package org.cityvitals.ingest;

import org.cityvitals.indicators.Topics;
import org.cityvitals.stack.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real single-node Kafka broker for every test of this module (starting one costs seconds). Topics have one
 * partition so that tests can check the publishing order.
 */
public final class TestBroker {
    private static KafkaBroker broker;

    private TestBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                broker = KafkaBroker.start(Files.createTempDirectory("ingest-kafka"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker.createTopics(1, Topics.READINGS, Topics.INCIDENTS, Topics.DEAD_LETTERS);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        }
        return broker.bootstrapServers();
    }
}
