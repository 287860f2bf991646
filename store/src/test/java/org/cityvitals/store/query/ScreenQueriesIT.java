package org.cityvitals.store.query;

import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.TestClickHouse;
import org.cityvitals.store.query.ScreenQueries.AlertEpisode;
import org.cityvitals.store.query.ScreenQueries.IncidentHour;
import org.cityvitals.store.query.ScreenQueries.RisingCategory;
import org.cityvitals.store.table.IncidentTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screens' incident and alert-episode queries on a real ClickHouse server, against cases and transitions written
 * here whose counts are worked out by hand in each test.
 */
class ScreenQueriesIT {

    private static final String DB = "screen_queries";
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final String HUANGPU = "310101";
    private static final String XUHUI = "310104";

    private static ClickHouse clickHouse;
    private static ScreenQueries queries;

    @BeforeAll
    static void fill() throws Exception {
        clickHouse = TestClickHouse.migrated(DB);
        queries = new ScreenQueries(clickHouse, DB);
        List<Incident> cases = new ArrayList<>();
        // 12345 in Huangpu. "noise": 48 cases in the 24 h before the last hour (2 per hour), 6 in the last hour:
        // a rise of 6 - 48/24 = 4. "drainage": none before, 3 in the last hour: a rise of 3. "housing": 24 before
        // (1 per hour), 1 in the last hour: a rise of 0.
        addCases(cases, "noise", HUANGPU, IncidentSource.HOTLINE_12345, NOW.minus(Duration.ofHours(25)), 48,
                Duration.ofMinutes(30));
        addCases(cases, "noise", HUANGPU, IncidentSource.HOTLINE_12345, NOW.minus(Duration.ofMinutes(55)), 6,
                Duration.ofMinutes(5));
        addCases(cases, "drainage", HUANGPU, IncidentSource.HOTLINE_12345, NOW.minus(Duration.ofMinutes(40)), 3,
                Duration.ofMinutes(10));
        addCases(cases, "housing", HUANGPU, IncidentSource.HOTLINE_12345, NOW.minus(Duration.ofHours(25)), 24,
                Duration.ofHours(1));
        addCases(cases, "housing", HUANGPU, IncidentSource.HOTLINE_12345, NOW.minus(Duration.ofMinutes(30)), 1,
                Duration.ofMinutes(1));
        // Xuhui: 20 "elevator" cases in the last hour, and 110 calls that are not 12345
        addCases(cases, "elevator", XUHUI, IncidentSource.HOTLINE_12345, NOW.minus(Duration.ofMinutes(50)), 20,
                Duration.ofMinutes(2));
        addCases(cases, "theft", HUANGPU, IncidentSource.POLICE_110, NOW.minus(Duration.ofMinutes(50)), 30,
                Duration.ofMinutes(1));
        clickHouse.insert(DB, new IncidentTable(), cases);
        // the noise cases of the last hour are dispatched too: a second stage of the same cases must not count twice
        clickHouse.insert(DB, new IncidentTable(), cases.stream()
                .filter(c -> c.category().equals("noise") && c.reportedAt().isAfter(NOW.minus(Duration.ofHours(1))))
                .map(c -> new Incident(c.id(), c.source(), c.category(), null, c.district(), c.priority(),
                        IncidentStatus.DISPATCHED, c.reportedAt(), c.reportedAt().plusSeconds(60), null, null, null))
                .toList());
    }

    private static void addCases(List<Incident> into, String category, String district, IncidentSource source,
                                 Instant first, int count, Duration apart) {
        for (int i = 0; i < count; i++) {
            Instant at = first.plus(apart.multipliedBy(i));
            into.add(new Incident(source.jsonName() + "-" + category + "-" + district + "-" + at.getEpochSecond(),
                    source, category, null, district, 3, IncidentStatus.REPORTED, at, null, null, null, null));
        }
    }

    @Test
    void risingCategoriesAreOrderedByTheRiseOverTheHourlyMeanOfTheDayBefore() throws Exception {
        List<RisingCategory> rising = queries.risingHotlineCategories(List.of(HUANGPU), NOW);

        assertThat(rising).containsExactly(
                new RisingCategory("noise", 6, 48),
                new RisingCategory("drainage", 3, 0),
                new RisingCategory("housing", 1, 24));
    }

    @Test
    void risingCategoriesKeepToTheGivenDistricts() throws Exception {
        assertThat(queries.risingHotlineCategories(List.of(XUHUI), NOW))
                .containsExactly(new RisingCategory("elevator", 20, 0));
        assertThat(queries.risingHotlineCategories(List.of(HUANGPU, XUHUI), NOW).get(0).category())
                .isEqualTo("elevator");
    }

    @Test
    void newCasesPerChannelAndHourCountEachCaseOnce() throws Exception {
        Instant lastHour = NOW.minus(Duration.ofHours(1));
        List<IncidentHour> hours = queries.incidentsPerHour(List.of(HUANGPU), lastHour, NOW);

        // 12345 in Huangpu's last hour: 6 noise + 3 drainage + 1 housing; 110: 30 theft
        assertThat(hours).containsExactlyInAnyOrder(
                new IncidentHour("110", lastHour, 30),
                new IncidentHour("12345", lastHour, 10));
    }

    @Test
    void alertEpisodesOverlappingTheRangeWithTheirWorstLevel() throws Exception {
        Instant t = NOW.minus(Duration.ofHours(3));
        List<Object[]> rows = List.of(
                // ended before the range: left out
                transition("old", 1, "opened", Level.YELLOW, t.minus(Duration.ofHours(5))),
                transition("old", 2, "resolved", Level.NORMAL, t.minus(Duration.ofHours(4))),
                // opened before the range, rose to orange, resolved inside it
                transition("storm", 1, "opened", Level.YELLOW, t.minus(Duration.ofMinutes(30))),
                transition("storm", 2, "level_changed", Level.ORANGE, t.plus(Duration.ofMinutes(10))),
                transition("storm", 3, "resolved", Level.NORMAL, t.plus(Duration.ofMinutes(50))),
                // still open
                transition("now", 1, "opened", Level.RED, NOW.minus(Duration.ofMinutes(20))));
        clickHouse.insert("alert_events", List.of("alert_id", "version", "rule", "indicator_id", "district", "kind",
                "level", "previous_level", "value", "threshold", "event_time", "message"), rows);

        List<AlertEpisode> episodes = queries.alertEpisodes("weather.rain_3h", HUANGPU, t, NOW);

        assertThat(episodes).containsExactly(
                new AlertEpisode("storm", "level", Level.ORANGE, t.minus(Duration.ofMinutes(30)),
                        t.plus(Duration.ofMinutes(50))),
                new AlertEpisode("now", "level", Level.RED, NOW.minus(Duration.ofMinutes(20)), null));
    }

    private static Object[] transition(String id, int version, String kind, Level level, Instant at) {
        return new Object[] {id, version, "level", "weather.rain_3h", HUANGPU, kind, level.name().toLowerCase(),
                "normal", 60.0, 50.0, Timestamp.from(at), ""};
    }
}
