package org.cityvitals.stack.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink 2.2 session cluster from Flink's own entry points, as Flink's {@code jobmanager.sh} and
 * {@code taskmanager.sh} start them: a JobManager ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers
 * ({@code TaskManagerRunner}), each its own JVM, with JVM flags and memory settings worked out by Flink's
 * {@code BashJavaUtils} from {@code conf/config.yaml}. The classpath is Flink's jars from Maven Central (the
 * launcher's {@code target/lib}), standing in for a distribution's {@code lib/} folder.
 */
public final class FlinkCluster {

    public static final String JOB_MANAGER = "flink-jobmanager";
    private static final String EXEC_RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /**
     * The module flags Flink's distribution passes to every JVM on Java 17 ({@code env.java.default-opts.all} in its
     * {@code config.yaml}): Flink reflects into JDK internals, e.g. to register its sink translators.
     */
    public static final List<String> JAVA_MODULE_OPTS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private FlinkCluster() {}

    public static String taskManagerName(int t) {
        return "flink-taskmanager-" + (t + 1);
    }

    public static Path confDir(ClusterLayout layout) {
        return layout.dir().resolve("flink/conf");
    }

    public static Path checkpointDir(ClusterLayout layout) {
        return layout.dir().resolve("flink/checkpoints");
    }

    /** Writes {@code conf/config.yaml} and returns how to start the JobManager and each TaskManager. */
    public static List<ChildProcess> prepare(ClusterLayout layout, String flinkClasspath, Path log4jConfig) {
        Path conf = confDir(layout);
        Path flinkDir = layout.dir().resolve("flink");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(flinkDir.resolve("tmp"));
            Files.writeString(conf.resolve("config.yaml"), config(layout, flinkDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Flink configuration in " + conf, e);
        }
        List<ChildProcess> processes = new ArrayList<>();
        processes.add(process(JOB_MANAGER, "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", layout, flinkClasspath,
                log4jConfig));
        for (int t = 0; t < ClusterLayout.TASK_MANAGERS; t++) {
            processes.add(process(taskManagerName(t), "GET_TM_RESOURCE_PARAMS",
                    "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", layout, flinkClasspath, log4jConfig));
        }
        return processes;
    }

    static String config(ClusterLayout layout, Path flinkDir) {
        String lines = """
                # written by CityVitals local-stack: a session cluster on the loopback address
                jobmanager.rpc.address: 127.0.0.1
                jobmanager.rpc.port: %d
                jobmanager.bind-host: 127.0.0.1
                jobmanager.memory.process.size: 768m
                rest.address: 127.0.0.1
                rest.bind-address: 127.0.0.1
                rest.port: %d
                blob.server.port: %d
                taskmanager.host: 127.0.0.1
                taskmanager.bind-host: 127.0.0.1
                taskmanager.rpc.port: %s
                taskmanager.numberOfTaskSlots: %d
                # Spread a job's tasks over both TaskManagers, so that losing one TaskManager hits the job.
                taskmanager.load-balance.mode: SLOTS
                # 1280m per TaskManager with little managed memory (the hashmap state backend keeps state on the
                # heap): about 420 MB of task heap.
                taskmanager.memory.process.size: 1280m
                taskmanager.memory.managed.size: 64m
                # A session cluster runs job after job, each in its own class loader. A JDBC driver loaded there
                # registers itself with java.sql.DriverManager and keeps that loader, and all the job's classes,
                # alive: after some twenty drill runs the TaskManagers died of "OutOfMemoryError: Metaspace". The
                # ClickHouse driver is on the cluster's classpath, so it is loaded once, from there.
                classloader.parent-first-patterns.additional: ru.yandex.clickhouse
                parallelism.default: 2
                state.backend.type: hashmap
                execution.checkpointing.dir: %s
                execution.checkpointing.num-retained: 3
                restart-strategy.type: fixed-delay
                restart-strategy.fixed-delay.attempts: 1000
                restart-strategy.fixed-delay.delay: 2 s
                # A killed TaskManager is noticed within seconds, not the default 50 s.
                heartbeat.interval: 2000
                heartbeat.timeout: 10000
                io.tmp.dirs: %s
                web.tmpdir: %s
                env.java.default-opts.all: %s
                """;
        return lines.formatted(layout.jobManagerRpcPort(), layout.flinkRestPort(), layout.blobServerPort(),
                layout.taskManagerRpcPorts(), ClusterLayout.SLOTS_PER_TASK_MANAGER,
                checkpointDir(layout).toUri(), flinkDir.resolve("tmp"), flinkDir.resolve("tmp/web"),
                String.join(" ", JAVA_MODULE_OPTS));
    }

    /** JVM flags and dynamic properties from Flink's BashJavaUtils, then the entry point. */
    private static ChildProcess process(String name, String resourceCommand, String entryPoint, ClusterLayout layout,
                                        String classpath, Path log4jConfig) {
        Path conf = confDir(layout);
        List<String> exec = bashJavaUtils(resourceCommand, conf, classpath);
        List<String> command = new ArrayList<>();
        command.add(Java.binary());
        command.addAll(Arrays.asList(exec.get(0).trim().split("\\s+")));
        command.addAll(JAVA_MODULE_OPTS);
        Path log = layout.dir().resolve("flink/log/" + name + ".log");
        command.addAll(List.of("-Dlog.file=" + log, "-Dlog4j.configurationFile=" + log4jConfig,
                "-Dlog4j2.configurationFile=" + log4jConfig, "-cp", classpath, entryPoint, "--configDir",
                conf.toString()));
        if (exec.size() > 1 && !exec.get(1).isBlank()) {
            command.addAll(Arrays.asList(exec.get(1).trim().split("\\s+")));
        }
        if (!name.equals(JOB_MANAGER)) {
            // The REST API names each TaskManager by this id, so a drill finds the process behind it.
            command.addAll(List.of("-D", "taskmanager.resource-id=" + name));
        }
        return new ChildProcess(name, command, layout.dir().resolve("flink"), log);
    }

    private static List<String> bashJavaUtils(String command, Path conf, String classpath) {
        try {
            Process p = new ProcessBuilder(Java.binary(), "-cp", classpath,
                    "org.apache.flink.runtime.util.bash.BashJavaUtils", command, "--configDir", conf.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("Flink's BashJavaUtils " + command + " failed: " + out);
            }
            List<String> results = out.lines().filter(l -> l.startsWith(EXEC_RESULT))
                    .map(l -> l.substring(EXEC_RESULT.length())).toList();
            if (results.isEmpty()) {
                throw new IllegalStateException("Flink's BashJavaUtils " + command + " printed no result: " + out);
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Flink's BashJavaUtils", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until the JobManager's REST API reports {@code taskManagers} TaskManagers. */
    public static void awaitTaskManagers(ClusterLayout layout, int taskManagers, Duration timeout) {
        Await.until("Flink with " + taskManagers + " TaskManagers at " + layout.flinkRestUrl(), timeout,
                () -> overviewField(layout, "taskmanagers") == taskManagers,
                () -> "see " + layout.dir().resolve("flink/log"));
    }

    /** A number from the REST API's {@code /overview} ("taskmanagers", "slots-total"...), -1 when unreachable. */
    public static int overviewField(ClusterLayout layout, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(\\d+)")
                .matcher(get(layout.flinkRestUrl() + "/overview"));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String get(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return "";
        }
    }
}
