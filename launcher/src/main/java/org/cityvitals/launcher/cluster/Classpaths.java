package org.cityvitals.launcher.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The classpaths of the cluster's JVMs, from this launcher's own ({@code launcher/target/classes} and
 * {@code launcher/target/lib/*}): the Kafka brokers use it whole; Flink gets it without the project's own modules
 * and the connector the job jar brings, so that the cluster is Flink, like a distribution's {@code lib/}, plus the
 * ClickHouse JDBC driver (loaded parent-first, see FlinkCluster), and the job runs from the submitted jar.
 */
final class Classpaths {

    /** The project's modules (and the launcher's classes folder) and the Kafka connector with its client. */
    private static final Pattern NOT_FLINK = Pattern.compile(
            "(indicators|store|local-stack|ingest|flink-jobs|dashboard-server|web-static|launcher)-\\d.*\\.jar"
                    + "|classes|test-classes|flink-connector-kafka-.*\\.jar|kafka-clients-.*\\.jar");

    private Classpaths() {}

    static String java() {
        return String.join(File.pathSeparator, entries());
    }

    static String flink() {
        return String.join(File.pathSeparator, entries().stream()
                .filter(e -> !NOT_FLINK.matcher(Path.of(e).getFileName().toString()).matches()).toList());
    }

    /** This JVM's classpath with {@code dir/*} wildcards expanded. */
    private static List<String> entries() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith("*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 1));
                try (Stream<Path> jars = Files.list(dir)) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                            .forEach(p -> out.add(p.toAbsolutePath().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir, e);
                }
            } else if (!entry.isEmpty()) {
                out.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return out;
    }
}
