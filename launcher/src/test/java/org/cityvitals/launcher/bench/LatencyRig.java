package org.cityvitals.launcher.bench;

import io.vertx.core.Vertx;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.cityvitals.dashboard.DashboardConfig;
import org.cityvitals.dashboard.DashboardServer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.cli.Endpoints;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.ingest.sim.AcceleratedShanghai;
import org.cityvitals.jobs.JobOptions;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.Jobs;
import org.cityvitals.jobs.VitalSignsJob;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.KafkaBroker;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the alert-latency benchmarks share, on real components: an in-process Kafka broker, a ClickHouse server, the
 * live vital-signs job and the history loader in Flink local mode (the demo's 5 s out-of-orderness and idleness,
 * checkpoints to a folder), the dashboard server, the simulated Shanghai publishing ordinary readings of every
 * registered sensor at a steady wall-clock rate with event time {@code speed} times faster than the wall clock
 * (from 12 hours ago, so it stays in the past), and a WebSocket screen logged in as the operations centre on event
 * loops of its own. A benchmark drives alert episodes of one indicator's level rule through an {@link Episodes}
 * and {@link #measureRuns} prints the latencies.
 *
 * <p>Event time runs faster than the wall clock so that many window closings (and so many alert episodes) fit in
 * minutes; the job, the loader, ClickHouse and the screen then carry {@code speed} times the demo's value and
 * health-score rate on top of the readings — a heavier background than real time, not a lighter one.
 */
final class LatencyRig implements AutoCloseable {

    /** The demo's watermark bound (launcher DemoStack), which the rig's job uses too. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    private static final int WARM_UP_ALERTS = 100;
    private static final String DATABASE = Endpoints.DATABASE; // the one the dashboard reads by default

    /** Alert episodes driven through the rig, each opening matched to its cause gives one latency in ms. */
    interface Episodes extends AlertScreen.Listener, AutoCloseable {
        /** Drives episodes until {@code alerts} more openings were matched; fails after {@code limit}. */
        List<Long> measure(int alerts, Duration limit) throws InterruptedException;

        /** What else the run saw: openings without a cause of ours, causes given up, and the like. */
        String counts();
    }

    final AcceleratedShanghai city;
    private final List<AutoCloseable> started;
    private final String bootstrap;
    private final int dashboardPort;
    private final Vertx screenVertx;
    private AlertScreen screen;

    private LatencyRig(Path dir, double eventsPerSecond, double speed, List<AutoCloseable> started)
            throws Exception {
        this.started = started;
        KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
        started.add(kafka);
        ClickHouseServer clickHouse = ClickHouseServer.start(dir.resolve("clickhouse"));
        started.add(clickHouse);
        bootstrap = kafka.bootstrapServers();
        kafka.createTopics(2, Topics.all());
        stampAppendTime(bootstrap, Topics.READINGS);
        // the alert's append time, carried to the screen in the frame's cursor, splits the job's part from the dashboard's
        stampAppendTime(bootstrap, Topics.ALERT_EVENTS);
        new SchemaMigrator(new ClickHouse(clickHouse.jdbcUrl("default")), DATABASE).migrate();

        JobSettings job = JobOptions.parse("--kafka", bootstrap,
                "--clickhouse", clickHouse.jdbcUrl("default"), "--database", DATABASE,
                "--out-of-orderness", OUT_OF_ORDERNESS.toSeconds() + "s", "--idleness", "5s");
        JobClient vitals = startLocal(job, dir.resolve("checkpoints-vitals"), env -> Jobs.vitals(job).build(env));
        started.add(() -> vitals.cancel().get(30, TimeUnit.SECONDS));
        JobClient history = startLocal(job, dir.resolve("checkpoints-history"),
                env -> Jobs.historyLoader(job).build(env));
        started.add(() -> history.cancel().get(30, TimeUnit.SECONDS));

        Vertx serverVertx = Vertx.vertx();
        started.add(() -> serverVertx.close().await(30, TimeUnit.SECONDS));
        DashboardServer dashboard = DashboardServer.start(serverVertx,
                DashboardConfig.of(bootstrap, clickHouse.jdbcUrl(DATABASE)).withPort(0)).await(60, TimeUnit.SECONDS);
        started.add(() -> dashboard.close().await(30, TimeUnit.SECONDS));
        while (!dashboard.ready()) {
            Thread.sleep(50);
        }
        dashboardPort = dashboard.port();

        city = AcceleratedShanghai.start(bootstrap, eventsPerSecond, speed, Instant.now().minus(Duration.ofHours(12)));
        started.add(city);
        screenVertx = Vertx.vertx();
        started.add(() -> screenVertx.close().await(30, TimeUnit.SECONDS));
    }

    /** Starts everything but the screen; {@link #close} stops what was started, newest first. */
    static LatencyRig start(String prefix, double eventsPerSecond, double speed) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        List<AutoCloseable> partial = new ArrayList<>();
        try {
            return new LatencyRig(dir, eventsPerSecond, speed, partial);
        } catch (Exception e) {
            stopNewestFirst(partial);
            throw e;
        }
    }

    String bootstrap() {
        return bootstrap;
    }

    /** Opens the screen, which hands the alert frames of {@code indicatorId}'s {@code rule} to {@code episodes}. */
    void watch(String indicatorId, String rule, Episodes episodes) throws Exception {
        started.add(episodes);
        screen = AlertScreen.open(screenVertx, dashboardPort, indicatorId, rule, episodes);
        started.add(screen::stop);
    }

    /** A warm-up, then {@code runs} runs of {@code alertsPerRun} alerts each, and the medians over the runs. */
    void measureRuns(Episodes episodes, int alertsPerRun, int runs) throws InterruptedException {
        System.out.printf("warming up with %d alerts%n", WARM_UP_ALERTS);
        episodes.measure(WARM_UP_ALERTS, Duration.ofMinutes(3));
        List<long[]> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long published = city.eventsPublished();
            long frames = screen.frames();
            long t0 = System.nanoTime();
            List<Long> latencies = episodes.measure(alertsPerRun, Duration.ofMinutes(15));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] p = percentiles(latencies);
            results.add(p);
            System.out.printf("run %d: %d alerts in %.0f s, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; background "
                            + "%,.0f events/s, %.0f screen frames/s; %s, %d screen reconnects so far%n",
                    run, latencies.size(), seconds, p[0], p[1], p[2], p[3],
                    (city.eventsPublished() - published) / seconds, (screen.frames() - frames) / seconds,
                    episodes.counts(), screen.reconnects());
        }
        System.out.printf("median over %d runs of %d alerts: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", runs,
                alertsPerRun, median(results, 0), median(results, 1), median(results, 2), median(results, 3));
    }

    @Override
    public void close() {
        stopNewestFirst(started);
    }

    private static void stopNewestFirst(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.out.println("stopping failed: " + e);
            }
        }
    }

    /** One sensor of {@code metric} in each Shanghai district (the registry has one per district). */
    static List<Sensor> sensorPerDistrict(String metric) {
        Map<String, Sensor> byDistrict = new TreeMap<>();
        SensorRegistry.shanghai().all().stream().filter(s -> s.metric().equals(metric))
                .forEach(s -> byDistrict.putIfAbsent(s.district(), s));
        return List.copyOf(byDistrict.values());
    }

    /** The broker stamps each record of {@code topic} with its append time, which the producer's ack returns. */
    private static void stampAppendTime(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(new ConfigEntry(
                    TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"), AlterConfigOp.OpType.SET));
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A job in local mode in this JVM, each in its own environment with checkpoints in a folder, as the demo runs
     * them (launcher LocalFlink): the alert engine's state outgrows the job manager's 5 MB in-memory limit.
     */
    private static JobClient startLocal(JobSettings settings, Path checkpoints,
                                        Consumer<StreamExecutionEnvironment> topology) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.createLocalEnvironment(conf), settings);
        topology.accept(env);
        return env.executeAsync();
    }

    /** p50, p95, p99 and max. */
    static long[] percentiles(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return new long[] {at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1)};
    }

    /** Nearest-rank percentile. */
    private static long at(List<Long> sorted, double q) {
        return sorted.get((int) Math.ceil(q * sorted.size()) - 1);
    }

    private static long median(List<long[]> results, int index) {
        List<Long> values = new ArrayList<>(results.stream().map(r -> r[index]).toList());
        values.sort(null);
        return values.get(values.size() / 2);
    }

    /** The latency benches' arguments: {@code [ALERTS_PER_RUN=1000] [RUNS=3] [SPEED=30] [EVENTS_PER_SECOND=10000]}. */
    record Args(int alertsPerRun, int runs, double speed, double eventsPerSecond) {
        static Args parse(String[] args) {
            return new Args(args.length > 0 ? Integer.parseInt(args[0]) : 1000,
                    args.length > 1 ? Integer.parseInt(args[1]) : 3,
                    args.length > 2 ? Double.parseDouble(args[2]) : 30,
                    args.length > 3 ? Double.parseDouble(args[3]) : 10_000);
        }
    }

    interface Bench {
        void run(Args args) throws Exception;
    }

    /** Runs a latency bench as a program ({@link BenchProgram}) with its arguments. */
    static void main(String[] args, Bench bench) {
        BenchProgram.run(() -> bench.run(Args.parse(args)));
    }
}
