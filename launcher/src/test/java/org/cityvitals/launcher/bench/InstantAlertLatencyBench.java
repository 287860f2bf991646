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
import org.cityvitals.jobs.alert.LevelRule;
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
 * Instant-alert latency, end to end on real components: an in-process Kafka broker, a ClickHouse server, the live
 * vital-signs job and the history loader in Flink local mode, the dashboard server, and a WebSocket screen logged in
 * as the operations centre. The simulated Shanghai publishes ordinary readings of every registered sensor at a
 * steady wall-clock rate (10,000 events/s); trigger readings of each district's gas sensor at 30 %LEL (yellow is 25,
 * orange 50) open a {@code gas.leak_lel} episode through the instant rule, and the next 1-minute window of ordinary
 * readings (under 5 %LEL, below the 10 − 2 hysteresis) resolves it, so each trigger opens a new episode. Printed per
 * run: p50/p95/p99/max of (the opening frame's arrival at the screen − the trigger's append to Kafka), and the
 * median of each over the runs.
 *
 * <p>Event time runs {@code SPEED} times faster than the wall clock (from 12 hours ago, so it stays in the past):
 * at real speed a district's gas episode takes two minutes to resolve and 1,000 alerts would take two hours. The
 * instant path does not wait for windows or watermarks; the acceleration only makes every window close
 * {@code SPEED} times as often, so the job, the loader and the screen carry {@code SPEED} times the demo's value rate
 * on top of the readings — a heavier background than real time, not a lighter one.
 *
 * <p>{@code InstantAlertLatencyBench [ALERTS_PER_RUN=1000] [RUNS=3] [SPEED=30] [EVENTS_PER_SECOND=10000]}
 */
public final class InstantAlertLatencyBench {

    private static final String INDICATOR = "gas.leak_lel";
    private static final String METRIC = "gas_lel";
    private static final double TRIGGER_LEL = 30;
    private static final int WARM_UP_ALERTS = 100;
    private static final String DATABASE = Endpoints.DATABASE; // the one the dashboard reads by default

    private InstantAlertLatencyBench() {}

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // Flink's and Vert.x's threads would keep the JVM alive
    }

    private static void run(String[] args) throws Exception {
        int alertsPerRun = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double speed = args.length > 2 ? Double.parseDouble(args[2]) : 30;
        double eventsPerSecond = args.length > 3 ? Double.parseDouble(args[3]) : 10_000;
        Path dir = Files.createTempDirectory("cityvitals-instant-bench");
        List<AutoCloseable> started = new ArrayList<>();
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
             ClickHouseServer clickHouse = ClickHouseServer.start(dir.resolve("clickhouse"))) {
            try {
                String bootstrap = kafka.bootstrapServers();
                kafka.createTopics(2, Topics.all());
                stampAppendTime(bootstrap, Topics.READINGS);
                new SchemaMigrator(new ClickHouse(clickHouse.jdbcUrl("default")), DATABASE).migrate();

                // The demo's watermark settings (launcher DemoStack); checkpoints at the job's default.
                JobSettings job = JobOptions.parse("--kafka", bootstrap,
                        "--clickhouse", clickHouse.jdbcUrl("default"), "--database", DATABASE,
                        "--out-of-orderness", "5s", "--idleness", "5s");
                JobClient vitals = startLocal(job, dir.resolve("checkpoints-vitals"),
                        env -> Jobs.vitals(job).build(env));
                started.add(() -> vitals.cancel().get(30, TimeUnit.SECONDS));
                JobClient history = startLocal(job, dir.resolve("checkpoints-history"),
                        env -> Jobs.historyLoader(job).build(env));
                started.add(() -> history.cancel().get(30, TimeUnit.SECONDS));

                Vertx serverVertx = Vertx.vertx();
                started.add(() -> serverVertx.close().await(30, TimeUnit.SECONDS));
                DashboardServer dashboard = DashboardServer.start(serverVertx,
                        DashboardConfig.of(bootstrap, clickHouse.jdbcUrl(DATABASE)).withPort(0))
                        .await(60, TimeUnit.SECONDS);
                started.add(() -> dashboard.close().await(30, TimeUnit.SECONDS));
                while (!dashboard.ready()) {
                    Thread.sleep(50);
                }

                AcceleratedShanghai city = AcceleratedShanghai.start(bootstrap, eventsPerSecond, speed,
                        Instant.now().minus(Duration.ofHours(12)));
                started.add(city);
                InstantTriggers triggers = new InstantTriggers(bootstrap, gasSensorPerDistrict(), TRIGGER_LEL,
                        city::eventTimeNow);
                started.add(triggers);
                Vertx screenVertx = Vertx.vertx(); // the screen on event loops of its own, not the server's
                started.add(() -> screenVertx.close().await(30, TimeUnit.SECONDS));
                AlertScreen screen = AlertScreen.open(screenVertx, dashboard.port(), INDICATOR, LevelRule.RULE,
                        triggers);
                started.add(screen::stop);

                System.out.printf("%s episodes at %.0f events/s, event time at %.0f× the wall clock%n",
                        INDICATOR, eventsPerSecond, speed);
                measureRuns(triggers, screen, city, alertsPerRun, runs);
            } finally {
                stopNewestFirst(started);
            }
        }
    }

    /** A warm-up, then {@code runs} runs of {@code alertsPerRun} alerts each, and the medians over the runs. */
    private static void measureRuns(InstantTriggers triggers, AlertScreen screen, AcceleratedShanghai city,
                                    int alertsPerRun, int runs) throws InterruptedException {
        System.out.printf("warming up with %d alerts%n", WARM_UP_ALERTS);
        triggers.measure(WARM_UP_ALERTS, Duration.ofMinutes(3));
        List<long[]> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long published = city.eventsPublished();
            long frames = screen.frames();
            long t0 = System.nanoTime();
            List<Long> latencies = triggers.measure(alertsPerRun, Duration.ofMinutes(15));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] p = percentiles(latencies);
            results.add(p);
            System.out.printf("run %d: %d alerts in %.0f s, Kafka append → screen p50 %d ms, p95 %d ms, p99 %d ms, "
                            + "max %d ms; background %,.0f events/s, %.0f screen frames/s; %d other openings, %d "
                            + "triggers given up, %d screen reconnects so far; a send completes a median %d ms after its append%n",
                    run, latencies.size(), seconds, p[0], p[1], p[2], p[3],
                    (city.eventsPublished() - published) / seconds, (screen.frames() - frames) / seconds,
                    triggers.unmatchedOpenings(), triggers.givenUp(), screen.reconnects(),
                    triggers.medianAckAfterAppend());
        }
        System.out.printf("median over %d runs of %d alerts: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", runs,
                alertsPerRun, median(results, 0), median(results, 1), median(results, 2), median(results, 3));
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

    /** One gas sensor in each Shanghai district (the registry has one per district). */
    private static List<Sensor> gasSensorPerDistrict() {
        Map<String, Sensor> byDistrict = new TreeMap<>();
        SensorRegistry.shanghai().all().stream().filter(s -> s.metric().equals(METRIC))
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
    private static long[] percentiles(List<Long> values) {
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
}
