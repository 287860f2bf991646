package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.level.Direction;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole city on the screens: a current value of every catalogue indicator in every Shanghai district and
 * city-wide, health scores, and stored history in ClickHouse. Values are placed from the catalogue's own thresholds
 * (well inside "normal", or just past a level's threshold), so the level each one carries is the one its value earns.
 */
final class CityScene {

    static final CityProfile SHANGHAI = CityProfiles.byId("shanghai");
    static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.loadDefault();
    /** The indicators the screens show as tiles: those of the domains on the city's wall. */
    static final List<IndicatorDefinition> SHOWN = CATALOGUE.all().stream()
            .filter(d -> d.domain().onCityWall()).toList();

    /** Raised levels for the screenshots and the ranking: district → indicator → level. */
    static final Map<String, Map<String, Level>> RAISED = Map.of(
            "310101", Map.of("air.pm25", Level.RED, "air.aqi", Level.ORANGE),
            "310115", Map.of("traffic.tpi", Level.ORANGE),
            "310104", Map.of("air.pm25", Level.YELLOW),
            SHANGHAI.code(), Map.of("air.pm25", Level.YELLOW, "hotline.new_per_hour", Level.BLUE));

    /** Its city-wide window ended two hours ago: stale, where every other value is fresh. */
    static final String STALE_IN_CITY = "infra.streetlight_lit_ratio";

    private static final int SCENE_VERSION = 2;

    private final TestStack stack;

    CityScene(TestStack stack) {
        this.stack = stack;
    }

    static List<String> areas() {
        List<String> areas = new ArrayList<>();
        areas.add(SHANGHAI.code());
        SHANGHAI.districts().stream().map(District::code).forEach(areas::add);
        return areas;
    }

    /**
     * A value of {@code d} at {@code level}: just past its threshold; for normal, well clear of blue; any value for a
     * series watched only for anomalies.
     */
    static double valueAt(IndicatorDefinition d, Level level) {
        if (d.thresholds() == null) {
            return 1;
        }
        boolean higherIsWorse = d.direction() == Direction.HIGHER_IS_WORSE;
        if (level == Level.NORMAL) {
            double blue = d.thresholds().threshold(d.thresholds().levelsInUse().get(0));
            return higherIsWorse ? blue * 0.6 : blue * 1.02;
        }
        double threshold = d.thresholds().threshold(level);
        return higherIsWorse ? threshold * 1.05 : threshold * 0.95;
    }

    static Level levelOf(String area, String indicatorId) {
        return RAISED.getOrDefault(area, Map.of()).getOrDefault(indicatorId, Level.NORMAL);
    }

    /**
     * The latest window of every indicator in every area, ending now, through Kafka; sent again until the server on
     * {@code port} holds them all, because a server that has just started may still be joining the topic.
     */
    void publishLiveValues(int port, Vertx vertx) throws Exception {
        WebClient http = WebClient.create(vertx);
        String token = http.post(port, "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", "ops").put("password", "ops"))
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("token");
        int expected = areas().size() * SHOWN.size();
        for (int attempt = 0; attempt < 5; attempt++) {
            publishLiveValues();
            for (int poll = 0; poll < 20; poll++) {
                int held = http.get(port, "127.0.0.1", "/api/latest").bearerTokenAuthentication(token)
                        .send().await(10, TimeUnit.SECONDS).bodyAsJsonArray().size();
                if (held >= expected) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the dashboard server never held all " + expected + " values");
    }

    private void publishLiveValues() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (String area : areas()) {
            for (IndicatorDefinition d : SHOWN) {
                Level level = levelOf(area, d.id());
                Instant end = area.equals(SHANGHAI.code()) && d.id().equals(STALE_IN_CITY)
                        ? start.minus(Duration.ofHours(2)) : start.plusSeconds(60);
                stack.publish(new IndicatorValue(d.id(), area, end.minus(d.window().size()), end,
                        valueAt(d, level), 20, level, 1));
            }
        }
    }

    /**
     * Health scores: the city 83, each district from 97 down by its position, Huangpu (red PM2.5) 58. Other test
     * classes on the shared topics publish version 1 of the current minute for some districts; the scene's version 2
     * supersedes them, as a correction would, so the screens show the scene whatever the test order.
     */
    void publishHealth() throws Exception {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        stack.publish(new HealthScoreValue(SHANGHAI.code(), minute, 83, Level.YELLOW, SCENE_VERSION));
        List<District> districts = SHANGHAI.districts();
        for (int i = 0; i < districts.size(); i++) {
            String code = districts.get(i).code();
            double score = code.equals("310101") ? 58 : 97 - i;
            Level worst = RAISED.getOrDefault(code, Map.of()).values().stream()
                    .max(Enum::compareTo).orElse(Level.NORMAL);
            stack.publish(new HealthScoreValue(code, minute, score, worst, SCENE_VERSION));
        }
    }

    /**
     * Stored windows of one indicator in one area, one every {@code step} back from now over {@code span}: a
     * gentle daily wave. Returns the window starts written.
     */
    List<Instant> storeHistory(String indicatorId, String area, Duration span, Duration step) throws Exception {
        IndicatorDefinition d = CATALOGUE.byId(indicatorId).orElseThrow();
        Instant newest = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(step);
        List<Object[]> rows = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        for (Instant at = newest; at.isAfter(Instant.now().minus(span)); at = at.minus(step)) {
            double wave = 1 + 0.3 * Math.sin(at.getEpochSecond() / 86400.0 * 2 * Math.PI);
            rows.add(new Object[] {indicatorId, area, Timestamp.from(at), Timestamp.from(at.plus(step)),
                    valueAt(d, Level.NORMAL) * wave, 20, "normal", 1L});
            starts.add(at);
        }
        stack.clickHouse.insert("indicator_values", List.of("indicator_id", "district", "window_start", "window_end",
                "value", "samples", "level", "version"), rows);
        return starts;
    }

    /** One stored alert episode: opened yellow six hours ago, orange an hour later, resolved after another. */
    void storeAlertEpisode(String alertId, String indicatorId, String area) throws Exception {
        Instant opened = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(6));
        IndicatorDefinition d = CATALOGUE.byId(indicatorId).orElseThrow();
        List<Object[]> rows = List.of(
                transition(alertId, 1, "opened", Level.YELLOW, Level.NORMAL, d, area, opened),
                transition(alertId, 2, "level_changed", Level.ORANGE, Level.YELLOW, d, area,
                        opened.plus(Duration.ofHours(1))),
                transition(alertId, 3, "resolved", Level.NORMAL, Level.ORANGE, d, area,
                        opened.plus(Duration.ofHours(2))));
        stack.clickHouse.insert("alert_events", List.of("alert_id", "version", "rule", "indicator_id", "district",
                "kind", "level", "previous_level", "value", "threshold", "event_time", "message"), rows);
    }

    private static Object[] transition(String alertId, int version, String kind, Level level, Level previous,
                                       IndicatorDefinition d, String area, Instant at) {
        Level shown = level == Level.NORMAL ? previous : level;
        return new Object[] {alertId, version, "level", d.id(), area, kind, WireNames.of(level), WireNames.of(previous),
                valueAt(d, shown), d.thresholds().threshold(shown), Timestamp.from(at), ""};
    }

    /** Health scores of one area every {@code step} over the last {@code span}. */
    void storeHealthHistory(String area, Duration span, Duration step) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        Instant newest = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(step);
        for (Instant at = newest; at.isAfter(Instant.now().minus(span)); at = at.minus(step)) {
            double score = 85 + 8 * Math.sin(at.getEpochSecond() / 86400.0 * 2 * Math.PI);
            rows.add(new Object[] {area, Timestamp.from(at), score, WireNames.of(Level.NORMAL), 1L});
        }
        stack.clickHouse.insert("health_scores", List.of("district", "window_start", "score", "worst_level",
                "version"), rows);
    }
}
