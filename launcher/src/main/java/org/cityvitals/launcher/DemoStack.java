package org.cityvitals.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.flink.core.execution.JobClient;
import org.cityvitals.dashboard.DashboardConfig;
import org.cityvitals.dashboard.DashboardServer;
import org.cityvitals.dashboard.situation.SituationSettings;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.ingest.gateway.IngestGatewayVerticle;
import org.cityvitals.ingest.sim.Simulator;
import org.cityvitals.ingest.sim.SimulatorConfig;
import org.cityvitals.jobs.JobOptions;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.Jobs;
import org.cityvitals.launcher.backfill.HttpBackfills;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.KafkaBroker;
import org.cityvitals.stack.Ports;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.cityvitals.store.dimension.DimensionLoader;
import org.cityvitals.store.governance.ClearanceDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Everything the demo runs, started in dependency order and stopped in reverse: ClickHouse and Kafka (unless
 * given), the schema with its dimension tables and hourly retention, the Flink jobs in local mode (vital signs and
 * the history loader), the dashboard,
 * the simulator and the ingest gateway.
 */
final class DemoStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);
    static final String DEMO_API_KEY = "demo-key";
    private static final int PARTITIONS = 4;
    private static final String DATABASE = "cityvitals";

    private final Deque<Stoppable> started = new ArrayDeque<>();

    /** A started component and how to stop it. */
    private record Stoppable(String name, AutoCloseable closer) {}

    private DemoStack() {}

    static DemoStack start(DemoOptions o, DemoState state, PrintWriter out) throws Exception {
        checkPorts(o);
        long t0 = System.nanoTime();
        DemoStack stack = new DemoStack();
        try {
            Files.createDirectories(state.dir());
            String clickHouseUrl = o.clickHouse();
            Long clickHousePid = null;
            if (o.ownClickHouse()) {
                out.println("starting ClickHouse…");
                ClickHouseServer ch = ClickHouseServer.start(state.clickHouseDir(), o.clickHousePort(),
                        o.clickHouseNativePort());
                stack.started.push(new Stoppable("ClickHouse", ch));
                clickHouseUrl = ch.jdbcUrl("default");
                clickHousePid = ch.pid();
                state.record(ProcessHandle.current().pid(), clickHousePid, "starting");
            }
            String kafka = o.kafka();
            if (o.ownKafka()) {
                out.println("starting Kafka…");
                KafkaBroker broker = KafkaBroker.start(state.kafkaDir(), o.kafkaPort(), o.kafkaControllerPort());
                stack.started.push(new Stoppable("Kafka", broker));
                kafka = broker.bootstrapServers();
            }
            KafkaBroker.createTopics(kafka, PARTITIONS, Topics.all());
            ClickHouse clickHouse = new ClickHouse(clickHouseUrl);
            new SchemaMigrator(clickHouse, DATABASE).migrate();
            new DimensionLoader(clickHouse, DATABASE).load(Instant.now());
            new ClearanceDatabases(clickHouse, DATABASE, Classification.loadDefault()).apply();
            RetentionSchedule retention = RetentionSchedule.start(clickHouse, DATABASE);
            stack.started.push(new Stoppable("retention", retention));

            out.println("starting the Flink jobs (local mode)…");
            // Short idleness: the demo's quiet incident partitions must not hold back the first values for long.
            JobSettings job = JobOptions.parse("--kafka", kafka, "--clickhouse", clickHouseUrl,
                    "--out-of-orderness", "5s", "--idleness", "5s");
            JobClient vitals = LocalFlink.start("CityVitals vital signs", job,
                    state.checkpointDir().resolve("vitals"), env -> Jobs.vitals(job).build(env));
            stack.started.push(new Stoppable("vital-signs job", () -> vitals.cancel().get(30, TimeUnit.SECONDS)));
            JobClient history = LocalFlink.start("CityVitals history loader", job,
                    state.checkpointDir().resolve("history"), env -> Jobs.historyLoader(job).build(env));
            stack.started.push(new Stoppable("history loader", () -> history.cancel().get(30, TimeUnit.SECONDS)));

            Vertx vertx = Vertx.vertx();
            stack.started.push(new Stoppable("Vert.x", () -> vertx.close().await(30, TimeUnit.SECONDS)));
            HttpBackfills backfills = new HttpBackfills(kafka, clickHouseUrl, DATABASE, o.dataDir());
            stack.started.push(new Stoppable("backfills started over HTTP", backfills));
            DashboardServer dashboard = DashboardServer.start(vertx,
                    DashboardConfig.of(kafka, clickHouseUrl).withPort(o.port()), SituationSettings.defaults(), backfills)
                    .await(60, TimeUnit.SECONDS);
            stack.started.push(new Stoppable("dashboard", () -> dashboard.close().await(30, TimeUnit.SECONDS)));

            Simulator simulator = Simulator.start(o.simulator(), kafka);
            stack.started.push(new Stoppable("simulator", simulator));
            IngestGatewayVerticle gateway = new IngestGatewayVerticle(new JsonObject()
                    .put("port", o.gatewayPort())
                    .put("bootstrapServers", kafka)
                    .put("apiKeys", new JsonArray().add(DEMO_API_KEY)), simulator);
            String gatewayId = vertx.deployVerticle(gateway).await(60, TimeUnit.SECONDS);
            stack.started.push(new Stoppable("ingest gateway", () -> vertx.undeploy(gatewayId).await(10,
                    TimeUnit.SECONDS)));

            String summary = summary(o, state, kafka, clickHouseUrl, dashboard.port(), gateway.actualPort(),
                    (System.nanoTime() - t0) / 1e9);
            state.record(ProcessHandle.current().pid(), clickHousePid, summary);
            out.println(summary);
            LOG.info("demo started\n{}", summary);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    /** Every port the demo would open, checked before anything starts, each error naming its flag. */
    private static void checkPorts(DemoOptions o) {
        Map<Integer, String[]> ports = new LinkedHashMap<>();
        ports.put(o.port(), new String[] {"dashboard", "--port"});
        ports.put(o.gatewayPort(), new String[] {"ingest gateway", "--gateway-port"});
        if (o.ownKafka()) {
            ports.put(o.kafkaPort(), new String[] {"Kafka", "--kafka-port"});
            ports.put(o.kafkaControllerPort(), new String[] {"Kafka controller", "--kafka-controller-port"});
        }
        if (o.ownClickHouse()) {
            ports.put(o.clickHousePort(), new String[] {"ClickHouse HTTP", "--clickhouse-port"});
            ports.put(o.clickHouseNativePort(), new String[] {"ClickHouse native", "--clickhouse-native-port"});
        }
        ports.forEach((port, who) -> Ports.requireFree(port, who[0], who[1]));
    }

    private static String summary(DemoOptions o, DemoState state, String kafka, String clickHouseUrl,
                                  int dashboardPort, int gatewayPort, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%nCityVitals demo is running (started in %.1f s)%n", seconds));
        s.append(String.format("  Dashboard       http://127.0.0.1:%d/%n", dashboardPort));
        s.append("                  logins: ops/ops (Shanghai operations centre), beijing/beijing (Beijing's),\n")
                .append("                  admin/admin, huangpu/huangpu, pudong/pudong, xuhui/xuhui, dongcheng/dongcheng\n")
                .append("                  (district dispatchers), platform/platform, analyst/analyst\n");
        s.append(String.format("  Ingest gateway  http://127.0.0.1:%d/ingest/readings   (header X-Api-Key: %s)%n",
                gatewayPort, DEMO_API_KEY));
        s.append(String.format("  Scenarios       ./cityvitals scenario --scenario pollution_episode --districts 310101 "
                + "--duration 10m --key %s --gateway http://127.0.0.1:%d%n", DEMO_API_KEY, gatewayPort));
        s.append("                  (also rainstorm_flooding, rush_hour_gridlock, water_main_burst, power_outage,\n"
                + "                  hotline_surge)\n");
        s.append(String.format("  Kafka           %s%s%n", kafka, o.ownKafka() ? " (own broker)" : " (given)"));
        s.append(String.format("  ClickHouse      %s%s%n", clickHouseUrl, o.ownClickHouse() ? " (own server)" : " (given)"));
        if (o.ownClickHouse()) {
            s.append(String.format("  Analysts        clickhouse-client --port %d --user analyst_internal --password %s "
                    + "--database cityvitals_internal%n", o.clickHouseNativePort(),
                    ClickHouseServer.DEFAULT_CLEARANCE_PASSWORDS.get("analyst_internal")));
            s.append("                  (analyst_open, analyst_sensitive likewise: docs/ANALYSTS.md)\n");
        }
        s.append(String.format("  Flink jobs      vital signs and history loader, local mode, checkpoints in %s%n",
                state.checkpointDir()));
        SimulatorConfig simulator = o.simulator();
        s.append(String.format("  Simulator       %s, %d districts, %.0f readings/s, seed %d%n",
                simulator.city().nameEn(), simulator.city().districts().size(), simulator.eventsPerSecond(),
                simulator.seed()));
        s.append(String.format("  State folder    %s (reset: ./cityvitals stop; rm -rf %s)%n", state.dir(),
                state.dir()));
        s.append(String.format("  Log             %s%n", state.logDir().resolve("cityvitals.log")));
        s.append("Press Ctrl-C to stop.");
        return s.toString();
    }

    /** Stops everything that started, newest first; one failure does not keep the rest running. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            Stoppable s = started.pop();
            try {
                s.closer().close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", s.name(), e.toString());
            }
        }
    }
}
