package org.cityvitals.stack.testing;

import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The local stack every integration test of every module uses: one real Kafka broker and one private ClickHouse
 * server per test JVM, each started on first use and stopped when the JVM exits. A broker takes seconds to start and
 * a ClickHouse server seconds to stop, so one per test class would dominate the suite. Tests keep apart by using
 * their own databases and consumer groups ({@link #unique}) and by reading only what they wrote
 * ({@link TopicMark}); test classes of one module run one after the other.
 */
public final class SharedStack {

    /** Topics of a module's tests have this many partitions unless a test creates its own. */
    public static final int PARTITIONS = 2;

    private static SharedStack instance;

    private final Path dir;
    private KafkaBroker kafka;
    private ClickHouseServer clickHouse;

    private SharedStack(Path dir) {
        this.dir = dir;
    }

    public static synchronized SharedStack get() {
        if (instance == null) {
            try {
                instance = new SharedStack(Files.createTempDirectory("cityvitals-it"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "shared-stack-stop"));
        }
        return instance;
    }

    /** The broker's bootstrap servers; {@code topics} are created (with {@link #PARTITIONS}) if missing. */
    public String kafka(String... topics) {
        return kafka(PARTITIONS, topics);
    }

    /**
     * The same with another partition count for topics this call creates: one partition keeps every record in the
     * order it was sent, for tests that check publishing order across keys.
     */
    public synchronized String kafka(int partitions, String... topics) {
        if (kafka == null) {
            kafka = KafkaBroker.start(dir.resolve("kafka"));
        }
        kafka.createTopics(partitions, topics);
        return kafka.bootstrapServers();
    }

    public synchronized ClickHouseServer clickHouse() {
        if (clickHouse == null) {
            clickHouse = ClickHouseServer.start(dir.resolve("clickhouse"));
        }
        return clickHouse;
    }

    /** A JDBC URL of the ClickHouse server for {@code database}. */
    public String jdbcUrl(String database) {
        return clickHouse().jdbcUrl(database);
    }

    /** A name no other test uses, for a database or a consumer group: letters, digits and underscores. */
    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private synchronized void stop() {
        if (clickHouse != null) {
            clickHouse.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
