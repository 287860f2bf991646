package org.cityvitals.dashboard.situation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two dashboard instances read the same records in different orders (partitions interleave differently): they must
 * hold the same situations, with the same ids, members and levels.
 */
class SituationBookPropertyTest {

    private static final List<String> INDICATORS = List.of("weather.rain_3h", "flood.ponding_depth",
            "flood.river_level", "air.pm25", "air.aqi", "power.outage_customers", "water.pressure_min", "traffic.tpi");
    private static final List<String> DISTRICTS = List.of("310101", "310115");

    @Property(tries = 200)
    void theSituationsDoNotDependOnTheOrderOfArrival(@ForAll("episodes") List<List<AlertEvent>> episodes,
                                                     @ForAll long seed) {
        List<AlertEvent> inOrder = episodes.stream().flatMap(List::stream).toList();
        List<AlertEvent> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(derive(shuffled)).isEqualTo(derive(inOrder));
    }

    @Property(tries = 200)
    void everyLiveAlertIsInExactlyOneSituation(@ForAll("episodes") List<List<AlertEvent>> episodes) {
        List<Situation> situations = derive(episodes.stream().flatMap(List::stream).toList());
        List<String> members = situations.stream().flatMap(s -> s.alertIds().stream()).toList();
        assertThat(members).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(episodes.stream().map(e -> e.get(0).alertId()).toList());
    }

    private static List<Situation> derive(List<AlertEvent> events) {
        SituationBook book = new SituationBook(SituationBookTest.RULES, SituationBookTest.CATALOGUE,
                SituationBookTest.noMaintenance());
        events.forEach(book::apply);
        return book.all();
    }

    /** Episodes of distinct series, each opened and perhaps resolved; a repeated key keeps the first. */
    @Provide
    Arbitrary<List<List<AlertEvent>>> episodes() {
        Arbitrary<List<AlertEvent>> episode = Combinators.combine(Arbitraries.of(INDICATORS),
                Arbitraries.of(DISTRICTS), Arbitraries.of(Level.BLUE, Level.YELLOW, Level.ORANGE, Level.RED),
                Arbitraries.integers().between(0, 600), Arbitraries.integers().between(-1, 300)).as(
                (indicator, district, level, since, duration) -> {
                    AlertEvent opened = Alerts.opened(indicator, district, level, since);
                    return duration < 0 ? List.of(opened) : List.of(opened, Alerts.resolved(opened, since + duration));
                });
        return episode.list().ofMaxSize(12).uniqueElements(e -> e.get(0).alertId());
    }
}
