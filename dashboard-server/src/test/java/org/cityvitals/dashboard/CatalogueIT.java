package org.cityvitals.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.store.table.ReadingTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata catalogue over REST with freshness read from ClickHouse. PM2.5's one indicator slides every minute
 * (indicators.yaml), so its metric is stale after 2 minutes without a reading; turbidity's indicators slide every 15
 * minutes, so it is stale after 30. No other test writes readings.
 */
class CatalogueIT {

    @RegisterExtension
    static final RunningDashboard dashboard = new RunningDashboard();

    @Test
    void aSourceThatStopsTurnsStaleAfterTwoOfItsUpdatePeriods() throws Exception {
        String token = DemoLogin.token(dashboard.http(), dashboard.server().port(), "ops");
        Instant now = Instant.now();
        dashboard.stack().clickHouse.insert("cityvitals", new ReadingTable(), List.of(
                reading("sh-310101-pm25-01", "pm25", "µg/m³", now.minusSeconds(105)),
                reading("sh-310101-turbidity-01", "turbidity", "NTU", now.minusSeconds(45 * 60))));

        JsonObject pm25 = item(token, "pm2.5", "metric:pm25");
        assertThat(pm25.getJsonObject("freshness").getLong("staleAfterSeconds")).isEqualTo(120);
        assertThat(pm25.getJsonObject("freshness").getBoolean("stale")).as(pm25.encode()).isFalse();
        assertThat(pm25.getJsonArray("from").getList()).containsExactly("source:air");
        assertThat(item(token, "air", "source:air").getJsonObject("freshness").getBoolean("stale")).isFalse();
        JsonObject turbidity = item(token, "turbidity", "metric:turbidity");
        assertThat(turbidity.getJsonObject("freshness").getLong("staleAfterSeconds")).isEqualTo(1800);
        assertThat(turbidity.getJsonObject("freshness").getBoolean("stale")).isTrue();
        assertThat(turbidity.getJsonObject("freshness").getLong("lagSeconds")).isGreaterThanOrEqualTo(2700);
        assertThat(item(token, "indicator_values", "table:indicator_values").getValue("freshness")).isNull();

        Thread.sleep(Math.max(0, now.plusSeconds(17).toEpochMilli() - System.currentTimeMillis()));
        JsonObject stopped = item(token, "pm2.5", "metric:pm25");
        assertThat(stopped.getJsonObject("freshness").getBoolean("stale")).as(stopped.encode()).isTrue();
        assertThat(stopped.getJsonObject("freshness").getLong("lagSeconds")).isGreaterThan(120);
    }

    private static JsonObject item(String token, String query, String ref) throws Exception {
        HttpResponse<Buffer> answer = dashboard.http().get(dashboard.server().port(), "127.0.0.1", "/api/catalogue")
                .addQueryParam("q", query).bearerTokenAuthentication(token).send().await(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        return answer.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(i -> i.getString("ref").equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError(ref + " not found for q=" + query));
    }

    private static Reading reading(String sensor, String metric, String unit, Instant at) {
        return new Reading(sensor, metric, 12, unit, at, "310101", null, null, Quality.GOOD);
    }
}
