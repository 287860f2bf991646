package org.cityvitals.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import org.cityvitals.dashboard.http.HttpServerVerticle;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.store.table.HealthScoreTable;
import org.cityvitals.store.table.IndicatorValueTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each class of data reaches exactly the users cleared for it, over every REST route (the open feed's among them) and
 * the WebSocket. The demo's {@code analyst} is cleared for open data, {@code ops} for internal (dashboard-server's
 * demo-users.json); PM2.5 is open, network-end water pressure, health scores and every alert with its actions and
 * notes are internal (governance/classification.yaml: the alerts dataset). Every value written here is a marker no
 * other test writes, so finding it in an answer means the answer carried that datum.
 */
class ClearanceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Jinshan: no other test of the module writes its series, so these values are its newest. */
    private static final String DISTRICT = "310116";
    private static final String OPEN_INDICATOR = "air.pm25";
    private static final String INTERNAL_INDICATOR = "water.pressure_min";
    private static final Instant WINDOW = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(3));
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String OPEN_ALERT = "gov-open-" + RUN;
    private static final String INTERNAL_ALERT = "gov-internal-" + RUN;
    /** Markers: values no other test writes, found in an answer only if the datum was in it. */
    private static final double OPEN_VALUE = 47.123;
    private static final double INTERNAL_VALUE = 0.0917;
    private static final double HEALTH_SCORE = 61.375;
    private static final String NOTE = "gov-note-" + RUN;

    @RegisterExtension
    static final RunningDashboard dashboard = new RunningDashboard();

    @Test
    void anOpenUserGetsNoInternalDatumOverAnyRouteNorTheSocketWhileAnInternalUserGetsThemAll() throws Exception {
        String analyst = DemoLogin.token(dashboard.http(), dashboard.server().port(), "analyst");
        String ops = DemoLogin.token(dashboard.http(), dashboard.server().port(), "ops");
        try (WsProbe openScreen = WsProbe.open(dashboard.vertx(), dashboard.server().port(), analyst);
             WsProbe internalScreen = WsProbe.open(dashboard.vertx(), dashboard.server().port(), ops)) {
            openScreen.awaitType("snapshot");
            internalScreen.awaitType("snapshot");
            publishAndStore();

            // the internal screen gets every datum: once it has the last one sent, the open screen had its chance
            internalScreen.await(m -> m.encode().contains(INTERNAL_ALERT), WAIT);
            internalScreen.await(m -> m.encode().contains(OPEN_ALERT), WAIT);
            internalScreen.await(m -> "health".equals(m.getString("type"))
                    && m.encode().contains(String.valueOf(HEALTH_SCORE)), WAIT);
            internalScreen.await(m -> m.encode().contains(String.valueOf(INTERNAL_VALUE)), WAIT);
            openScreen.await(m -> m.encode().contains(String.valueOf(OPEN_VALUE)), WAIT);
            // a note on the alert of the open indicator: what people wrote is of the alerts' class too
            assertThat(dashboard.http().post(dashboard.server().port(), "127.0.0.1",
                    "/api/alerts/" + OPEN_ALERT + "/actions")
                    .bearerTokenAuthentication(ops)
                    .sendJsonObject(new JsonObject().put("action", "comment").put("note", NOTE))
                    .await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            internalScreen.await(m -> m.encode().contains(NOTE), WAIT);
            Thread.sleep(1_000); // a heartbeat or two, in case a leaked frame was queued behind them
            String seenByOpen = openScreen.received.stream().map(JsonObject::encode).collect(Collectors.joining());
            assertThat(seenByOpen).doesNotContain(INTERNAL_ALERT, OPEN_ALERT, NOTE, String.valueOf(INTERNAL_VALUE),
                    String.valueOf(HEALTH_SCORE));
            assertThat(openScreen.received).noneMatch(m -> "health".equals(m.getString("type")));
        }
        awaitStatus("/api/alerts/" + OPEN_ALERT, ops, 200);

        Map<String, HttpResponse<Buffer>> openAnswers = walkEveryGetRoute(analyst);
        Map<String, HttpResponse<Buffer>> internalAnswers = walkEveryGetRoute(ops);
        openAnswers.forEach((route, answer) -> {
            assertThat(answer.bodyAsString()).as("%s for the open analyst", route)
                    .doesNotContain(String.valueOf(INTERNAL_VALUE), String.valueOf(HEALTH_SCORE), NOTE);
            // an answer about one alert may repeat the id asked for
            if (!route.contains(INTERNAL_ALERT) && !route.contains(OPEN_ALERT)) {
                assertThat(answer.bodyAsString()).as("%s for the open analyst", route)
                        .doesNotContain(INTERNAL_ALERT, OPEN_ALERT);
            }
        });
        String allOpen = bodies(openAnswers);
        String allInternal = bodies(internalAnswers);
        assertThat(allOpen).as("open data still reaches the open analyst").contains(String.valueOf(OPEN_VALUE));
        assertThat(allInternal).as("the same routes carry the internal data to ops").contains(INTERNAL_ALERT,
                OPEN_ALERT, NOTE, String.valueOf(INTERNAL_VALUE), String.valueOf(HEALTH_SCORE));
        assertThat(openAnswers.get("GET /api/history?indicator=" + INTERNAL_INDICATOR).statusCode()).isEqualTo(403);
        assertThat(openAnswers.get("GET /api/history?indicator=" + INTERNAL_INDICATOR).bodyAsJsonObject()
                .getString("error")).isEqualTo("indicator water.pressure_min is internal data and your clearance is "
                + "open (see docs/GOVERNANCE.md)");
        for (String alert : List.of(INTERNAL_ALERT, OPEN_ALERT)) {
            assertThat(openAnswers.get("GET /api/alerts/" + alert).statusCode())
                    .as("an alert the caller may not see is answered like one that does not exist").isEqualTo(404);
        }
        assertThat(openAnswers.get("GET /api/screen/alert-episodes?indicator=" + OPEN_INDICATOR).statusCode())
                .as("alert episodes of an open indicator").isEqualTo(403);
        assertThat(openAnswers.get("GET /api/health/history").statusCode()).isEqualTo(403);
        assertThat(openAnswers.get("GET /api/screen/incidents").statusCode()).isEqualTo(403);
    }

    private static void publishAndStore() throws Exception {
        IndicatorValue pm25 = value(OPEN_INDICATOR, OPEN_VALUE);
        IndicatorValue water = value(INTERNAL_INDICATOR, INTERNAL_VALUE);
        HealthScoreValue health = new HealthScoreValue(DISTRICT, WINDOW, HEALTH_SCORE, Level.ORANGE, 1);
        List<AlertEvent> alerts = List.of(alert(OPEN_ALERT, OPEN_INDICATOR, OPEN_VALUE),
                alert(INTERNAL_ALERT, INTERNAL_INDICATOR, INTERNAL_VALUE));
        dashboard.stack().clickHouse.insert("cityvitals", new IndicatorValueTable(Origin.LIVE), List.of(pm25, water));
        dashboard.stack().clickHouse.insert("cityvitals", new HealthScoreTable(Origin.LIVE), List.of(health));
        dashboard.stack().insertAlerts(alerts);
        dashboard.stack().publish(pm25);
        dashboard.stack().publish(alerts.get(0));
        dashboard.stack().publish(alerts.get(1));
        dashboard.stack().publish(health);
        dashboard.stack().publish(water);
    }

    /**
     * Every GET operation of the OpenAPI description, each parameter filled: indicators once with the open and once
     * with the internal one, alerts likewise, the district and a range around the data.
     */
    private static Map<String, HttpResponse<Buffer>> walkEveryGetRoute(String token) throws Exception {
        List<Operation> operations = OpenAPIContract.from(dashboard.vertx(), HttpServerVerticle.CONTRACT)
                .await(10, TimeUnit.SECONDS).operations();
        Map<String, HttpResponse<Buffer>> answers = new java.util.LinkedHashMap<>();
        for (Operation op : operations) {
            if (op.getHttpMethod() != HttpMethod.GET) {
                continue;
            }
            for (Map.Entry<String, String> request : uris(op).entrySet()) {
                answers.put(request.getKey(), get(request.getValue(), token));
            }
        }
        assertThat(answers).containsKeys("GET /api/latest", "GET /api/alerts/open", "GET /api/alerts/" + OPEN_ALERT,
                "GET /api/history?indicator=" + OPEN_INDICATOR, "GET /api/health/history");
        return answers;
    }

    /** The requests for one operation, each by a name: method, path and the indicator asked for. */
    private static Map<String, String> uris(Operation op) {
        String path = op.getOpenAPIPath();
        List<String> paths = path.contains("{alertId}")
                ? List.of(path.replace("{alertId}", OPEN_ALERT), path.replace("{alertId}", INTERNAL_ALERT))
                : List.of(path);
        boolean byIndicator = path.contains("{indicatorId}")
                || op.getParameters().stream().anyMatch(p -> p.getName().equals("indicator"));
        Map<String, String> uris = new java.util.LinkedHashMap<>();
        for (String p : paths) {
            for (String indicator : byIndicator ? List.of(OPEN_INDICATOR, INTERNAL_INDICATOR) : List.of("")) {
                StringBuilder query = new StringBuilder();
                for (Parameter parameter : op.getParameters()) {
                    String value = switch (parameter.getName()) {
                        case "indicator" -> indicator;
                        case "district", "area" -> DISTRICT;
                        case "day" -> WINDOW.toString().substring(0, 10);
                        case "from" -> WINDOW.minus(Duration.ofHours(1)).toString();
                        case "to" -> WINDOW.plus(Duration.ofHours(1)).toString();
                        default -> null;
                    };
                    if (value != null) {
                        query.append(query.isEmpty() ? "?" : "&").append(parameter.getName()).append('=').append(value);
                    }
                }
                String uri = p.replace("{indicatorId}", indicator) + query;
                uris.put("GET " + p + (indicator.isEmpty() ? "" : "?indicator=" + indicator), uri);
            }
        }
        return uris;
    }

    private static String bodies(Map<String, HttpResponse<Buffer>> answers) {
        return answers.values().stream().map(HttpResponse::bodyAsString).collect(Collectors.joining("\n"));
    }

    private static IndicatorValue value(String indicator, double value) {
        return new IndicatorValue(indicator, DISTRICT, WINDOW, WINDOW.plusSeconds(60), value, 12, Level.NORMAL, 1);
    }

    private static AlertEvent alert(String id, String indicator, double value) {
        return new AlertEvent(id, 1, "level", indicator, DISTRICT, AlertKind.OPENED, Level.ORANGE, Level.NORMAL, value,
                value, WINDOW, WINDOW.plusSeconds(60), AlertAudience.OPERATIONS, Origin.LIVE, "m");
    }

    private static void awaitStatus(String uri, String token, int status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (get(uri, token).statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(get(uri, token).statusCode()).as(uri).isEqualTo(status);
    }

    private static HttpResponse<Buffer> get(String uri, String token) throws Exception {
        return dashboard.http().get(dashboard.server().port(), "127.0.0.1", uri).bearerTokenAuthentication(token).send()
                .await(10, TimeUnit.SECONDS);
    }
}
