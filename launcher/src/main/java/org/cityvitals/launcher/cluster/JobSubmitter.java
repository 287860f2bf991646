package org.cityvitals.launcher.cluster;

import org.cityvitals.stack.cluster.ClusterLayout;
import org.cityvitals.stack.cluster.FlinkCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Submits the job jar to the local cluster through Flink's own command-line client ({@code CliFrontend}, what
 * {@code bin/flink run} runs), detached, exactly as an operator would on a real cluster.
 */
final class JobSubmitter {

    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    private static final String DETACHED_RESULT = "Job was submitted in detached mode. Results of job execution";

    /** Short, so drills see their faults and catch-ups within seconds. */
    private static final String CHECKPOINT_INTERVAL = "5s";

    private JobSubmitter() {}

    /** {@code flink-jobs/target/flink-jobs-<version>-job.jar}, built by {@code mvn package}. */
    static Path builtJobJar() {
        Path target = Path.of("flink-jobs", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("flink-jobs-.*-job\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no job jar in " + target.toAbsolutePath()
                            + ": build it with mvn -B -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target.toAbsolutePath() + ": build the project first ("
                    + "mvn -B -DskipTests package)", e);
        }
    }

    /** The vital-signs job's command line on this cluster: Kafka in, Kafka out. */
    static List<String> vitalsArgs(ClusterLayout layout, int parallelism, String groupId) {
        return vitalsArgs(layout, parallelism, groupId, CHECKPOINT_INTERVAL);
    }

    /** The same with another checkpoint interval (the cadence at which the job commits its input offsets). */
    static List<String> vitalsArgs(ClusterLayout layout, int parallelism, String groupId, String checkpointInterval) {
        return new ArrayList<>(List.of("vitals", "--kafka", layout.kafkaBootstrap(), "--group-id", groupId,
                "--parallelism", String.valueOf(parallelism), "--checkpoint-interval", checkpointInterval));
    }

    /** The history loader's command line on this cluster: Kafka into the first ClickHouse shard (any shard serves
     *  the whole through the Distributed tables). */
    static List<String> historyArgs(ClusterLayout layout, int parallelism, String database) {
        return new ArrayList<>(List.of("history", "--kafka", layout.kafkaBootstrap(), "--clickhouse",
                layout.clickHouseUrl(0), "--database", database, "--parallelism", String.valueOf(parallelism),
                "--checkpoint-interval", CHECKPOINT_INTERVAL));
    }

    /** Runs {@code flink run -d -p N JAR JOB FLAGS…} against the cluster; returns the job id Flink printed. */
    static String submit(ClusterLayout layout, Path jar, int parallelism, List<String> jobArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + layout.dir().resolve("log4j2.properties")));
        command.addAll(FlinkCluster.JAVA_MODULE_OPTS);
        command.addAll(List.of("-cp", Classpaths.flink(), "org.apache.flink.client.cli.CliFrontend", "run", "-d",
                "-m", "127.0.0.1:" + layout.flinkRestPort(), "-p", String.valueOf(parallelism),
                jar.toAbsolutePath().toString()));
        command.addAll(jobArgs);
        Path log = layout.dir().resolve("flink/log/client.log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("FLINK_CONF_DIR", FlinkCluster.confDir(layout).toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.MINUTES);
            Files.writeString(log, out, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Matcher m = JOB_ID.matcher(out);
            // The client exits non-zero after a successful detached submission when the job's main asks for the
            // execution result (a detached run has none); the job id it printed is what counts.
            boolean submitted = m.find() && (p.exitValue() == 0 || out.contains(DETACHED_RESULT));
            if (!submitted) {
                throw new IllegalStateException("flink run failed (exit " + p.exitValue() + "); its output is in "
                        + log + ":\n" + tail(out));
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Flink's client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }
}
