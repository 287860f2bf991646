package org.cityvitals.dashboard;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.cityvitals.dashboard.http.HttpServerVerticle;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.stack.testing.OpenIndicators;
import org.cityvitals.store.table.IndicatorValueTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public feed on a real server, ClickHouse and broker: the examples of docs/GOVERNANCE.md run exactly as written
 * (with the hourly figures worked out there by hand) against a server whose clock reads the day after the guide's
 * day, as the guide says, only open indicators exist, a burst of requests reads ClickHouse
 * once (counted by the feed's store-read meter, incremented where the query runs), and past the rate limit the
 * answer is 429. One address makes every request, so the rate limit runs out last (methods in order).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenDataIT {

    private static final Path GUIDE = Path.of("..", "docs", "GOVERNANCE.md");
    private static final String DOCUMENTED_ADDRESS = "http://127.0.0.1:8080";
    /** The day of the guide's examples; the guide's server reads its clock as noon of the day after. */
    private static final LocalDate GUIDE_DAY = LocalDate.parse("2025-06-01");
    private static final Instant GUIDE_NOW = Instant.parse("2025-06-02T12:00:00Z");
    /**
     * The day of the other tests, on a server with the system clock: older than the 30 days of city PM2.5 that
     * BrowserIT stores in the same server, within the feed's 400.
     */
    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(60);
    /** The hourly rollup's retention, docs/GOVERNANCE.md and store's RetentionPolicy: the days the feed serves. */
    private static final int DAYS_SERVED = 400;
    private static final Pattern READS = Pattern.compile("(?m)^cityvitals_open_store_reads_total (\\S+)$");

    @RegisterExtension
    static final RunningDashboard dashboard = new RunningDashboard();
    @RegisterExtension
    static final RunningDashboard guideServer = new RunningDashboard(
            config -> config.withClock(Clock.fixed(GUIDE_NOW, ZoneOffset.UTC)));

    @BeforeAll
    static void store() throws Exception {
        // the figures docs/GOVERNANCE.md works out: PM2.5 in Huangpu on its day and the city-wide value
        dashboard.stack().clickHouse.insert("cityvitals", new IndicatorValueTable(Origin.LIVE), List.of(
                pm25("310101", GUIDE_DAY, "00:00", 38), pm25("310101", GUIDE_DAY, "00:05", 43),
                pm25("310101", GUIDE_DAY, "01:00", 45), pm25("310000", GUIDE_DAY, "00:00", 41),
                pm25("310104", DAY.plusDays(1), "07:00", 52)));
    }

    @Test
    @Order(1)
    void theGuidesExamplesRunAsWrittenAndPrintWhatItShows() throws Exception {
        List<Example> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (Example example : examples) {
            // the port is the test's own: 8080 may be taken on a shared machine
            String command = example.command()
                    .replace(DOCUMENTED_ADDRESS, "http://127.0.0.1:" + guideServer.server().port());
            String expected = example.expected();
            Process bash = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as(command + "\n" + output).isZero();
            if (expected.startsWith("{")) {
                assertThat(new JsonObject(output)).as(command).isEqualTo(new JsonObject(expected));
            } else {
                assertThat(output.strip()).as(command).isEqualTo(expected.strip());
            }
        }
    }

    @Test
    @Order(2)
    void onlyOpenIndicatorsArePublished() throws Exception {
        JsonArray datasets = get("/open/v1/datasets").bodyAsJsonObject().getJsonArray("dcat:dataset");
        List<String> published = datasets.stream().map(d -> ((JsonObject) d).getString("dct:identifier")).toList();
        assertThat(published).containsExactlyInAnyOrderElementsOf(OpenIndicators.IDS).contains("air.pm25")
                .doesNotContain("water.pressure_min", "hotline.backlog");
        HttpResponse<Buffer> internal = get("/open/v1/indicators/water.pressure_min/hourly?area=310101&day=" + DAY);
        assertThat(internal.statusCode()).isEqualTo(404);
        assertThat(internal.bodyAsJsonObject().getString("error"))
                .isEqualTo("no open dataset 'water.pressure_min': GET /open/v1/datasets lists them");
    }

    @Test
    @Order(3)
    void aBurstOfRequestsReadsClickHouseOncePerCachePeriod() throws Exception {
        double before = storeReads();
        List<Future<HttpResponse<Buffer>>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            burst.add(dashboard.http().get(dashboard.server().port(), "127.0.0.1",
                    "/open/v1/indicators/air.pm25/hourly?area=310104"
                    + "&day=" + DAY.plusDays(1) + "&format=csv").send());
        }
        for (Future<HttpResponse<Buffer>> answer : burst) {
            HttpResponse<Buffer> response = answer.await(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsString())
                    .isEqualTo("hour,mean,min,max,windows\n" + DAY.plusDays(1) + "T07:00:00Z,52,52,52,1\n");
        }
        assertThat(storeReads() - before).as("ClickHouse reads for 40 requests of one key").isEqualTo(1);
    }

    @Test
    @Order(4)
    void theFeedAnswersWhileEveryStaffStoreWorkerIsBusy() throws Exception {
        // a shared worker executor of the same name is the same pool: hold every one of the staff's store workers
        WorkerExecutor staff = dashboard.vertx().createSharedWorkerExecutor(HttpServerVerticle.STORE_POOL,
                HttpServerVerticle.STORE_WORKERS);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(HttpServerVerticle.STORE_WORKERS);
        for (int i = 0; i < HttpServerVerticle.STORE_WORKERS; i++) {
            staff.executeBlocking(() -> {
                held.countDown();
                return release.await(60, TimeUnit.SECONDS);
            }, false);
        }
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).as("every staff store worker held").isTrue();
            double before = storeReads();
            // a key no earlier request cached, so the answer needs a ClickHouse read
            HttpResponse<Buffer> answer = get("/open/v1/indicators/air.pm25/hourly?area=310101&day=" + DAY.minusDays(1));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(storeReads() - before).as("the read was made while the staff pool was full").isEqualTo(1);
        } finally {
            release.countDown();
            staff.close();
        }
    }

    @Test
    @Order(5)
    void onlyDaysTheHourlyRollupStillHoldsAreServed() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS_SERVED);
        for (LocalDate day : List.of(first.minusDays(1), today.plusDays(1))) {
            HttpResponse<Buffer> refused = get("/open/v1/indicators/air.pm25/hourly?area=310101&day=" + day);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("day must be from " + first + " to "
                    + today + " (the 400 days the hourly values are kept), was " + day);
        }
        assertThat(get("/open/v1/indicators/air.pm25/hourly?area=310101&day=" + first).statusCode()).isEqualTo(200);
        assertThat(get("/open/v1/indicators/air.pm25/hourly?area=310101&day=" + today).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void pastSixtyRequestsAMinuteAnAddressIsAnswered429WithRetryAfter() throws Exception {
        HttpResponse<Buffer> refused = null;
        for (int i = 0; i < 80 && refused == null; i++) {
            HttpResponse<Buffer> answer = get("/open/v1/datasets");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertThat(answer.statusCode()).isEqualTo(200);
            }
        }
        assertThat(refused).as("a 429 within 80 requests at once").isNotNull();
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(refused.bodyAsJsonObject().getString("error"))
                .startsWith("more than 60 requests a minute from your address: retry in ");
    }

    private static double storeReads() throws Exception {
        Matcher reads = READS.matcher(get("/metrics").bodyAsString());
        assertThat(reads.find()).as("cityvitals_open_store_reads_total in /metrics").isTrue();
        return Double.parseDouble(reads.group(1));
    }

    /** A {@code $ curl …} line of the guide's shell blocks and the output shown under it. */
    private record Example(String command, String expected) {}

    private static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        boolean inShell = false;
        String command = null;
        StringBuilder expected = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("```")) {
                if (command != null) {
                    examples.add(new Example(command, expected.toString()));
                    command = null;
                }
                inShell = !inShell && line.equals("```sh");
                continue;
            }
            if (inShell && line.startsWith("$ ")) {
                if (command != null) {
                    examples.add(new Example(command, expected.toString()));
                }
                command = line.substring(2);
                expected.setLength(0);
            } else if (inShell && command != null) {
                expected.append(line).append('\n');
            }
        }
        return examples;
    }

    private static HttpResponse<Buffer> get(String uri) throws Exception {
        return dashboard.http().get(dashboard.server().port(), "127.0.0.1", uri).send().await(10, TimeUnit.SECONDS);
    }

    private static IndicatorValue pm25(String area, LocalDate day, String time, double value) {
        Instant start = Instant.parse(day + "T" + time + ":00Z");
        return new IndicatorValue("air.pm25", area, start, start.plusSeconds(60), value, 4, Level.NORMAL, 1);
    }
}
