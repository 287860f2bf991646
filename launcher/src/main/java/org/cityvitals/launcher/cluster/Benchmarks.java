package org.cityvitals.launcher.cluster;

import org.cityvitals.stack.Ports;
import org.cityvitals.stack.cluster.Await;
import org.cityvitals.stack.cluster.ChildProcess;
import org.cityvitals.stack.cluster.ClusterState;
import org.cityvitals.stack.cluster.LocalCluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks {@code bench} runs. Five are the existing benchmark mains under the modules' test sources, run as
 * child JVMs on their test classpath (which Maven writes once, offline) with their printed medians parsed; two are
 * measured here on the local cluster.
 */
final class Benchmarks {

    static final String NAMES = "simulator, replay, store, topology, cluster-topology, rss, alert-latency, "
            + "windowed-alert-latency, websocket-fanout";
    static final List<String> ALL = List.of(NAMES.split(", "));
    /** Sized so each latency benchmark stays within a few minutes on 2 cores (the mains' defaults take an hour). */
    private static final int LATENCY_ALERTS = 100;
    /** The fan-out goal's client count (p95 ≤ 500 ms at 5,000 screens). */
    private static final int FANOUT_CLIENTS = 5000;
    /** How long a demo started for its RSS runs first: the figure is read once the demo has settled. */
    private static final Duration DEMO_SETTLE = Duration.ofMinutes(2);

    /** Events the cluster benchmark preloads and the job backfills per run. */
    static final long CLUSTER_EVENTS = 1_000_000;
    private static final String BENCH_CHECKPOINTS = "1s";
    private static final double DEMO_RSS_GOAL_MB = 2500;
    /** The pipeline's throughput goal on this machine's 2 cores (issue 12). */
    private static final double PIPELINE_GOAL = 200_000;
    /** The replay's goal: a file into Kafka at {@code --max} (issue 11). */
    private static final double REPLAY_GOAL = 200_000;
    /** TopologyBench's events per job run, rounds after its warm-up and warm-up rounds: it prints the median. */
    private static final List<String> TOPOLOGY_ARGS = List.of("1000000", "5", "3");

    /** The largest heap the mains' documented commands give (TopologyBench and the latency rig: 3 GB). */
    private static final String BENCH_HEAP = "-Xmx3g";

    /** The lines of a benchmark main that say how far it is: its runs, rounds and results. */
    private static final Pattern PROGRESS = Pattern.compile("median|p95|^(run|round) \\d|^warm-up|^preloaded");

    private final ClusterOptions cluster;
    private final int repeat;
    private final Consumer<String> progress;
    private boolean classpathsWritten;

    Benchmarks(ClusterOptions cluster, int repeat, Consumer<String> progress) {
        this.cluster = cluster;
        this.repeat = repeat;
        this.progress = progress;
    }

    List<Figure> run(String name) throws Exception {
        return switch (name) {
            case "simulator" -> testMain("simulator", "ingest", "org.cityvitals.ingest.sim.SimulatorBench",
                    List.of(), 1, Map.of(
                            "generate + encode to JSON", new Extract("generate \\+ encode JSON: median ([\\d,]+)",
                                    "events/s", null, true, ""),
                            "generate + publish to Kafka (acks=all)", new Extract(
                                    "publish to Kafka.*: median ([\\d,]+)", "events/s", null, true,
                                    "the ceiling of any pipeline figure on this machine")));
            case "replay" -> testMain("replay", "ingest", "org.cityvitals.ingest.replay.ReplayBench", List.of(), 1,
                    Map.of("replay --max, Beijing layout file → Kafka (acks=all)", new Extract(
                            "replay --max: median ([\\d,]+) events/s", "events/s", REPLAY_GOAL, true,
                            "the main's own median of 5 runs after a warm-up, 1,008,000 events a run")));
            case "store" -> testMain("store", "store", "org.cityvitals.store.bench.StoreBench", List.of(), 1,
                    storeFigures());
            case "topology" -> testMain("topology", "launcher", "org.cityvitals.launcher.bench.TopologyBench",
                    TOPOLOGY_ARGS, 1, topologyFigures());
            case "cluster-topology" -> List.of(clusterTopology());
            case "rss" -> rss();
            case "alert-latency" -> testMain("alert-latency", "launcher",
                    "org.cityvitals.launcher.bench.InstantAlertLatencyBench",
                    List.of(String.valueOf(LATENCY_ALERTS), String.valueOf(repeat), "30", "10000"), 1,
                    percentiles("instant rule, Kafka append → WebSocket, 10,000 events/s,", "p99", 1000.0,
                            "goal p99 ≤ 1 s; " + LATENCY_ALERTS + " alerts a run"));
            case "windowed-alert-latency" -> testMain("windowed-alert-latency", "launcher",
                    "org.cityvitals.launcher.bench.WindowedAlertLatencyBench",
                    List.of(String.valueOf(LATENCY_ALERTS), String.valueOf(repeat), "30", "10000"), 1,
                    percentiles("1-minute window rule, window closable → WebSocket, 10,000 events/s,", "p99",
                            1000.0, "goal: the instant rule's p99 ≤ 1 s, from when the window could close (its end "
                                    + "+ 5 s out-of-orderness in event time); " + LATENCY_ALERTS + " alerts a run"));
            case "websocket-fanout" -> testMain("websocket-fanout", "dashboard-server",
                    "org.cityvitals.dashboard.bench.FanOutBench",
                    List.of(String.valueOf(FANOUT_CLIENTS), String.valueOf(repeat), "10"), 1,
                    percentiles("broadcast → client, " + FANOUT_CLIENTS + " clients,", "p95", 500.0,
                            "goal p95 ≤ 500 ms at 5,000 clients; 10 s rounds"));
            default -> throw new IllegalArgumentException("no benchmark named " + name);
        };
    }

    /** p50/p95/p99 from a main's closing "median over … p50 N ms, p95 N ms, p99 N ms" line; the goal on one. */
    private static Map<String, Extract> percentiles(String what, String goalAt, double goal, String note) {
        Map<String, Extract> f = new LinkedHashMap<>();
        for (String p : List.of("p50", "p95", "p99")) {
            boolean judged = p.equals(goalAt);
            f.put(what + " " + p, new Extract("median over .*" + p + " (\\d+) ms", "ms", judged ? goal : null,
                    false, judged ? note : ""));
        }
        return f;
    }

    /** How to read one figure from a benchmark main's output: the first group of the last matching line. */
    record Extract(String regex, String unit, Double goal, boolean higherIsBetter, String note) {}

    /** TopologyBench's closing line: the job's median, the broker's alone in the same rounds, and their ratio. */
    private static Map<String, Extract> topologyFigures() {
        String rounds = "median of " + TOPOLOGY_ARGS.get(1) + " rounds after " + TOPOLOGY_ARGS.get(2)
                + " warm-up rounds, " + TOPOLOGY_ARGS.get(0) + " events a run";
        Map<String, Extract> f = new LinkedHashMap<>();
        f.put("whole job, parallelism 1, one process", new Extract("^median ([\\d,]+) events/s", "events/s",
                PIPELINE_GOAL, true, "goal (issue 12): 200,000 events/s on 2 cores, checkpoints on; " + rounds));
        f.put("simulator → broker alone, same rounds", new Extract("; broker alone ([\\d,]+) events/s; ratio",
                "events/s", null, true, "the ceiling of the job's figure in the same rounds"));
        f.put("job / broker alone", new Extract("; ratio ([\\d.]+) \\(", "ratio", null, true,
                "median job over median broker"));
        return f;
    }

    private static Map<String, Extract> storeFigures() {
        Map<String, Extract> f = new LinkedHashMap<>();
        for (String batch : List.of("10,000", "50,000")) {
            f.put("insert readings, batch " + batch, new Extract("batch\\s+" + batch + "\\s+readings.*median\\s+([\\d,]+)"
                    + " rows/s", "rows/s", 300_000.0, true, ""));
            f.put("insert indicator_values (+views), batch " + batch, new Extract("batch\\s+" + batch
                    + "\\s+indicator_values.*median\\s+([\\d,]+) rows/s", "rows/s", 300_000.0, true, ""));
        }
        f.put("history query p50", new Extract("p50 ([\\d.]+) ms", "ms", null, false, ""));
        f.put("history query p95", new Extract("p95 ([\\d.]+) ms", "ms", 50.0, false, ""));
        f.put("history query p99", new Extract("p99 ([\\d.]+) ms", "ms", null, false, ""));
        return f;
    }

    /**
     * @param runs how often to run the main: once for mains that repeat their measurement and print its median
     *             (SimulatorBench 5 runs, StoreBench 5 rounds and 500 queries), {@code --repeat} times otherwise
     */
    private List<Figure> testMain(String bench, String module, String mainClass, List<String> args, int runs,
                                  Map<String, Extract> extracts) throws Exception {
        writeClasspaths();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        extracts.keySet().forEach(k -> values.put(k, new ArrayList<>()));
        for (int r = 1; r <= runs; r++) {
            progress.accept("  " + bench + ": run " + r + " of " + runs + " (" + mainClass + ")");
            String output = runJava(module, mainClass, args);
            for (var e : extracts.entrySet()) {
                Matcher m = Pattern.compile(e.getValue().regex(), Pattern.MULTILINE).matcher(output);
                String last = null;
                while (m.find()) {
                    last = m.group(1);
                }
                if (last == null) {
                    throw new IllegalStateException(mainClass + " printed no '" + e.getKey() + "':\n" + output);
                }
                values.get(e.getKey()).add(Double.parseDouble(last.replace(",", "")));
            }
        }
        List<Figure> figures = new ArrayList<>();
        String repeated = runs == 1 ? "the main's own median of its repeated runs" : "";
        extracts.forEach((name, x) -> figures.add(new Figure(bench, name, x.unit(), values.get(name), x.goal(),
                x.higherIsBetter(), x.note().isEmpty() ? repeated : x.note())));
        return figures;
    }

    /** Each module's test classpath, written by Maven (offline) into MODULE/target/bench.classpath. */
    private void writeClasspaths() throws Exception {
        if (classpathsWritten) {
            return;
        }
        progress.accept("  writing the benchmarks' classpaths (mvn -o test-compile dependency:build-classpath)");
        run("mvn test-compile dependency:build-classpath", List.of("mvn", "-B", "-o", "-q", "-pl", "ingest,store,dashboard-server,launcher", "-am", "-DskipTests", "test-compile",
                "dependency:build-classpath", "-Dmdep.outputFile=target/bench.classpath",
                "-Dmdep.includeScope=test"), Path.of("."));
        classpathsWritten = true;
    }

    private String runJava(String module, String mainClass, List<String> args) throws Exception {
        Path dir = Path.of(module);
        String cp = "target/test-classes:target/classes:" + Files.readString(dir.resolve("target/bench.classpath"))
                .strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), BENCH_HEAP, "-XX:+UseParallelGC", "-cp", cp, mainClass));
        command.addAll(args);
        return run(mainClass, command, dir);
    }

    /**
     * Runs a command, echoing its lines as progress; fails with its output when it exits non-zero, naming it by
     * {@code what} (a benchmark's command line is mostly its classpath).
     */
    private String run(String what, List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
                if (PROGRESS.matcher(line).find()) {
                    progress.accept("    " + line.strip());
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(what + " exited " + p.exitValue() + ":\n" + out);
        }
        return out.toString();
    }

    /**
     * The vital-signs job on the local cluster at parallelism 2 over a preloaded input, timed from its submission
     * until it has committed all of the input (it commits on checkpoints, every second here, so a run's time is
     * over-stated by up to a second, and includes the submission).
     */
    private Figure clusterTopology() throws Exception {
        LocalCluster c = cluster.running();
        List<Double> rates = new ArrayList<>();
        try (DrillContext ctx = new DrillContext(c, JobSubmitter.builtJobJar(), new java.io.PrintWriter(
                new java.io.Writer() {
                    @Override
                    public void write(char[] buf, int off, int len) {
                        progress.accept(new String(buf, off, len).stripTrailing());
                    }

                    @Override
                    public void flush() {
                    }

                    @Override
                    public void close() {
                    }
                }, true))) {
            ctx.cancelRunningJobs();
            ctx.resetTopics();
            DrillContext.Input input = ctx.startInput(CLUSTER_EVENTS);
            input.await();
            long events = input.published();
            progress.accept("  preloaded " + events + " events into the cluster's Kafka");
            for (int r = 1; r <= repeat; r++) {
                String group = "bench-" + System.currentTimeMillis();
                long start = System.nanoTime();
                String jobId = ctx.submitVitals(JobSubmitter.vitalsArgs(ctx.layout, 2, group, BENCH_CHECKPOINTS));
                Await.until("benchmark job " + jobId + " to consume its input", Duration.ofMinutes(20), () -> {
                    try {
                        return ctx.inputLag(group) == 0;
                    } catch (Exception e) {
                        return false;
                    }
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                ctx.cancel(jobId);
                rates.add(events / seconds);
                progress.accept(String.format("  run %d: %,d events in %.1f s = %,.0f events/s", r, events, seconds,
                        events / seconds));
            }
        }
        return new Figure("cluster-topology", "vital-signs job, parallelism 2, 2 TaskManagers", "events/s", rates,
                PIPELINE_GOAL, true, "same goal as topology; Kafka (3 brokers) and ClickHouse (2 shards) share the "
                        + "cores");
    }

    /** Resident memory of every process of the local cluster and of the demo (one started here if none runs). */
    private List<Figure> rss() throws Exception {
        List<Figure> figures = new ArrayList<>();
        var found = LocalCluster.find(cluster.layout().dir());
        if (found.isPresent()) {
            for (ClusterState.Entry e : found.get().state().entries()) {
                figures.add(new Figure("rss", "cluster " + e.process().name(), "MB", rssMb(e.pid()), null, false,
                        ""));
            }
        } else {
            figures.add(slot("rss", "cluster processes", "MB", "no cluster running (./cityvitals cluster up)"));
        }
        Path running = Path.of(".state/demo.processes");
        if (Files.exists(running)) {
            figures.addAll(demoRss(running, "the running demo"));
            return figures;
        }
        Path state = Path.of(".state/bench-demo").toAbsolutePath();
        Path processes = state.resolve("demo.processes");
        Files.deleteIfExists(processes);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g", "-XX:+UseParallelGC", "-cp", Classpaths.java(), "org.cityvitals.launcher.Main",
                "demo", "--state", state.toString()));
        for (String port : List.of("--port", "--gateway-port", "--kafka-port", "--kafka-controller-port",
                "--clickhouse-port", "--clickhouse-native-port")) {
            command.addAll(List.of(port, String.valueOf(Ports.free())));
        }
        progress.accept("  starting a demo on free ports (state " + state + ") to measure it after "
                + DEMO_SETTLE.toMinutes() + " minutes");
        long pid = new ChildProcess("bench-demo", command, Path.of("").toAbsolutePath(), state.resolve("demo.log"))
                .start();
        try {
            Await.until("the demo to start", Duration.ofMinutes(3), () -> Files.exists(processes),
                    () -> "see " + state.resolve("demo.log"));
            Thread.sleep(DEMO_SETTLE.toMillis());
            figures.addAll(demoRss(processes, "a demo started for the measurement, " + DEMO_SETTLE.toMinutes()
                    + " minutes after it started"));
        } finally {
            ChildProcess.stop(pid, Duration.ofSeconds(60));
        }
        return figures;
    }

    /** RSS of the demo JVM and its ClickHouse, as the demo's process file names them, and their sum. */
    private static List<Figure> demoRss(Path processes, String which) throws IOException {
        var p = new java.util.Properties();
        try (var in = Files.newInputStream(processes)) {
            p.load(in);
        }
        List<Figure> figures = new ArrayList<>();
        double total = 0;
        for (String name : List.of("demo", "clickhouse")) {
            if (p.getProperty(name) != null) {
                List<Double> mb = rssMb(Long.parseLong(p.getProperty(name)));
                total += mb.stream().mapToDouble(Double::doubleValue).sum();
                figures.add(new Figure("rss", "demo " + name, "MB", mb, null, false, which));
            }
        }
        figures.add(new Figure("rss", "demo, all processes", "MB", List.of(total), DEMO_RSS_GOAL_MB, false,
                "goal: the whole demo within 2.5 GB"));
        return figures;
    }

    private static List<Double> rssMb(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        if (!Files.exists(status)) {
            return List.of();
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024).toList();
    }

    private static Figure slot(String bench, String name, String unit, String note) {
        return new Figure(bench, name, unit, List.of(), null, true, note);
    }
}
