package org.cityvitals.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.store.table.IncidentTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The screens' endpoints under /api/screen/ on a running server: their answers, scoping and errors. */
class ScreenApiIT {

    @RegisterExtension
    static final RunningDashboard dashboard = new RunningDashboard();

    @Test
    void freshnessSaysWhenEachIndicatorsDataIsStale() throws Exception {
        JsonObject freshness = get("/api/screen/freshness", login("ops")).bodyAsJsonObject();
        // the catalogue: PM2.5 windows slide every minute, 12345 time-to-resolve every hour; stale after two
        assertThat(freshness.getJsonObject("staleAfterSeconds").getLong("air.pm25")).isEqualTo(120);
        assertThat(freshness.getJsonObject("staleAfterSeconds").getLong("hotline.resolve_p50")).isEqualTo(7200);
        assertThat(freshness.getJsonObject("pipeline").getLong("staleAfterSeconds")).isEqualTo(120);
        // whether it delivers is shown end to end (launcher ScreensEndToEndIT): a shared broker holds other tests' data
        assertThat(freshness.getJsonObject("pipeline").containsKey("delivering")).isTrue();
    }

    @Test
    void incidentsAreCountedPerChannelAndHourWithinTheCallersDistricts() throws Exception {
        // Jiading (310114) in the last hour: three 12345 "noise" cases and two 120 calls; one in Minhang (310112)
        Instant recent = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<Incident> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(incident("screen-api-noise-" + i, IncidentSource.HOTLINE_12345, "noise", "310114",
                    recent.plusSeconds(i)));
        }
        for (int i = 0; i < 2; i++) {
            cases.add(incident("screen-api-120-" + i, IncidentSource.AMBULANCE_120, "medical", "310114",
                    recent.plusSeconds(i)));
        }
        cases.add(incident("screen-api-elsewhere", IncidentSource.HOTLINE_12345, "noise", "310112", recent));
        dashboard.stack().clickHouse.insert("cityvitals", new IncidentTable(), cases);

        JsonObject jiading = get("/api/screen/incidents?district=310114", login("ops")).bodyAsJsonObject();
        assertThat(jiading.getJsonArray("districts").getList()).containsExactly("310114");
        assertThat(jiading.getJsonArray("perHour").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("hour").equals(recent.truncatedTo(ChronoUnit.HOURS).toString()))
                .map(r -> r.getString("channel") + "=" + r.getLong("cases")).toList())
                .containsExactlyInAnyOrder("12345=3", "120=2");
        assertThat(jiading.getJsonArray("risingHotlineCategories").getJsonObject(0).getString("category"))
                .isEqualTo("noise");
        assertThat(jiading.getJsonArray("risingHotlineCategories").getJsonObject(0).getLong("lastHour"))
                .isEqualTo(3);
    }

    @Test
    void aDispatcherGetsOnlyTheirDistrictsAndA403Elsewhere() throws Exception {
        String huangpu = login("huangpu");
        JsonObject own = get("/api/screen/incidents", huangpu).bodyAsJsonObject();
        assertThat(own.getJsonArray("districts").getList()).containsExactly("310101");
        assertThat(get("/api/screen/incidents?district=310115", huangpu).statusCode()).isEqualTo(403);
        assertThat(get("/api/screen/alert-episodes?indicator=air.pm25&district=310115", huangpu).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/screen/alert-episodes?indicator=air.pm25&district=310101", huangpu).bodyAsJsonObject()
                .getJsonArray("episodes")).isNotNull();
    }

    @Test
    void badParametersAreNamedAndNoLoginIsRefused() throws Exception {
        String ops = login("ops");
        HttpResponse<Buffer> unknown = get("/api/screen/alert-episodes?indicator=no.such&district=310101", ops);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.bodyAsJsonObject().getString("error")).contains("indicator", "no.such");
        assertThat(get("/api/screen/alert-episodes?indicator=air.pm25&district=310101&from=yesterday", ops)
                .bodyAsJsonObject().getString("error")).contains("from", "date-time");
        assertThat(get("/api/screen/freshness", null).statusCode()).isEqualTo(401);
    }

    private static Incident incident(String id, IncidentSource source, String category, String district,
                                     Instant at) {
        return new Incident(id, source, category, null, district, 2, IncidentStatus.REPORTED, at, null, null, null,
                null);
    }

    private static String login(String user) throws Exception {
        return dashboard.http().post(dashboard.server().port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", user).put("password", user))
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
    }

    private static HttpResponse<Buffer> get(String uri, String token) throws Exception {
        var request = dashboard.http().get(dashboard.server().port(), "127.0.0.1", uri);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.send().await(10, TimeUnit.SECONDS);
    }
}
