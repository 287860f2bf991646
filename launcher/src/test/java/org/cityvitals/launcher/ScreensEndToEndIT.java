package org.cityvitals.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.dashboard.Chromium;
import org.cityvitals.dashboard.DashboardConfig;
import org.cityvitals.dashboard.DashboardServer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.ingest.gateway.IngestGatewayVerticle;
import org.cityvitals.ingest.sim.Simulator;
import org.cityvitals.ingest.sim.SimulatorConfig;
import org.cityvitals.jobs.JobOptions;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.Jobs;
import org.cityvitals.jobs.VitalSignsJob;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.KafkaBroker;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screens on the whole pipeline: a simulated Shanghai through Kafka, the production Flink job on a MiniCluster,
 * ClickHouse, the dashboard server and the ingest gateway, watched by two headless Chromium browsers — the operations
 * centre's big screen and Huangpu's dispatcher console. A scenario injected through the gateway reaches both, with a
 * notification for the dispatcher; cancelling the Flink job turns the pipeline banner on within two windows.
 */
class ScreensEndToEndIT {

    private static final String API_KEY = "screens-test-key";
    private static final String HUANGPU = "310101";
    /** The catalogue's most frequent indicators have one-minute windows: two of them. */
    private static final Duration TWO_WINDOWS = Duration.ofMinutes(2);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    static Path dir;
    static KafkaBroker kafka;
    static ClickHouseServer clickHouse;
    static Vertx vertx;

    @BeforeAll
    static void startServices() throws Exception {
        kafka = KafkaBroker.start(dir.resolve("kafka"));
        clickHouse = ClickHouseServer.start(dir.resolve("clickhouse"));
        new SchemaMigrator(new ClickHouse(clickHouse.jdbcUrl("default")), "cityvitals").migrate();
        kafka.createTopics(1, Topics.all());
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopServices() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        kafka.close();
        clickHouse.close();
    }

    private static JobClient start(String name, JobSettings settings, Consumer<StreamExecutionEnvironment> topology)
            throws Exception {
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        topology.accept(env);
        return env.executeAsync(name);
    }

    @Test
    void aScenarioReachesTheBigScreenAndTheRightDispatcherAndAStoppedJobRaisesThePipelineBanner() throws Exception {
        JobSettings settings = JobOptions.parse("--kafka", kafka.bootstrapServers(), "--clickhouse",
                clickHouse.jdbcUrl("default"), "--out-of-orderness", "1s", "--idleness", "2s",
                "--checkpoint-interval", "5s");
        JobClient job = start("vitals", settings, env -> Jobs.vitals(settings).build(env));
        JobClient history = start("history", settings, env -> Jobs.historyLoader(settings).build(env));
        DashboardServer dashboard = DashboardServer.start(vertx,
                DashboardConfig.of(kafka.bootstrapServers(), clickHouse.jdbcUrl("default")).withPort(0))
                .await(60, TimeUnit.SECONDS);
        Simulator simulator = Simulator.start(SimulatorConfig.realTime(7, 150), kafka.bootstrapServers());
        IngestGatewayVerticle gateway = new IngestGatewayVerticle(new JsonObject().put("port", 0)
                .put("bootstrapServers", kafka.bootstrapServers()).put("apiKeys", new JsonArray().add(API_KEY)),
                simulator);
        String gatewayId = vertx.deployVerticle(gateway).await(60, TimeUnit.SECONDS);
        boolean jobRunning = true;
        try (Chromium operator = new Chromium(dashboard.port(), dir.resolve("ops")).login("ops", "ops", "#/screen");
             Chromium dispatcher = new Chromium(dashboard.port(), dir.resolve("huangpu"))
                     .login("huangpu", "huangpu", "")) {
            WebDriverWait longWait = operator.waitUpTo(Duration.ofMinutes(3));
            longWait.until(ExpectedConditions.attributeContains(By.id("pipeline"), "class", "ok"));

            int status = WebClient.create(vertx).post(gateway.actualPort(), "127.0.0.1", "/ingest/scenarios")
                    .putHeader("X-Api-Key", API_KEY)
                    .sendJsonObject(new JsonObject().put("scenario", "pollution_episode")
                            .put("districts", new JsonArray().add(HUANGPU)).put("minutes", 10))
                    .await(10, TimeUnit.SECONDS).statusCode();
            assertThat(status).isEqualTo(202);

            // the big screen shows Huangpu's episode as a situation above the feed. The feed below it keeps only the
            // newest alerts that fit, so any later alert of the simulated city may already have pushed Huangpu's out.
            By onTheScreen = By.cssSelector("#wall-situations li.wall-situation[data-district='" + HUANGPU + "']");
            // red: the scenario's PM2.5 of about 285 µg/m³ is above HJ 633-2012's 250 (severe pollution) in its
            // first whole minute
            longWait.until(ExpectedConditions.attributeToBe(onTheScreen, "data-level", "red"));
            By inTheQueue = By.cssSelector("#queue tr[data-district='" + HUANGPU + "']");
            dispatcher.wait.until(ExpectedConditions.presenceOfElementLocated(inTheQueue));
            dispatcher.wait.until(d ->
                    (Boolean) dispatcher.js("return window.__notifications.some((n) => n.title.includes('黄浦区'))"));
            assertThat(dispatcher.jsList("return [...document.querySelectorAll('[data-district]')]"
                    + ".map((e) => ({code: e.dataset.district}))"))
                    .extracting(m -> m.get("code")).containsOnly(HUANGPU);

            job.cancel().get(30, TimeUnit.SECONDS);
            jobRunning = false;
            long stopped = System.nanoTime();
            longWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pipeline-banner")));
            Duration tookToNotice = Duration.ofNanos(System.nanoTime() - stopped);
            // the page asks the server every 5 s
            assertThat(tookToNotice).isLessThanOrEqualTo(TWO_WINDOWS.plusSeconds(5));
            assertThat(operator.driver.findElement(By.id("pipeline-banner")).getText()).contains("数据管道已停止输出");
            operator.screenshot("pipeline-stopped");
        } finally {
            vertx.undeploy(gatewayId).await(10, TimeUnit.SECONDS);
            simulator.close();
            dashboard.close().await(10, TimeUnit.SECONDS);
            if (jobRunning) {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
            history.cancel().get(30, TimeUnit.SECONDS);
        }
    }
}
