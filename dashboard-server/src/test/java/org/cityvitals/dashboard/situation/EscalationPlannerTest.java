package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityvitals.dashboard.situation.Alerts.action;
import static org.cityvitals.dashboard.situation.Alerts.at;
import static org.cityvitals.dashboard.situation.Alerts.opened;
import static org.cityvitals.dashboard.situation.SituationBookTest.CATALOGUE;
import static org.cityvitals.dashboard.situation.SituationBookTest.RULES;

/** The shipped policies: red escalates after 5 and 15 minutes, reminds every 30 once acknowledged; yellow never. */
class EscalationPlannerTest {

    private final SituationBook book = new SituationBook(RULES, CATALOGUE, SituationBookTest.noMaintenance());
    private final EscalationPlanner planner = new EscalationPlanner(RULES);
    private final Set<String> taken = new HashSet<>();

    private List<Escalation> dueAt(int minute) {
        return planner.due(book.all().get(0), at(minute), (situation, action) -> taken.contains(action));
    }

    @Test
    void anUnacknowledgedRedSituationEscalatesAtEachStepOnce() {
        book.apply(opened("flood.ponding_depth", "310101", Level.RED, 0));
        String id = book.all().get(0).id();
        assertThat(dueAt(4)).isEmpty();
        assertThat(dueAt(5)).singleElement().satisfies(e -> {
            assertThat(e.actionId()).isEqualTo("esc-" + id + "-1");
            assertThat(e.duty()).isEqualTo("district_chief");
            assertThat(e.dueAt()).isEqualTo(at(5));
        });
        taken.add("esc-" + id + "-1");
        assertThat(dueAt(14)).isEmpty();
        assertThat(dueAt(15)).extracting(Escalation::duty).containsExactly("city_centre");
    }

    @Test
    void aLateLookFindsEveryStepThatFellDue() {
        book.apply(opened("flood.ponding_depth", "310101", Level.RED, 0));
        assertThat(dueAt(20)).extracting(Escalation::step).containsExactly(1, 2);
    }

    @Test
    void anAcknowledgedSituationRemindsTheLastDutyToldEveryThirtyMinutes() {
        book.apply(opened("flood.ponding_depth", "310101", Level.RED, 0));
        String id = book.all().get(0).id();
        book.apply(new org.cityvitals.indicators.signal.AlertAction("esc-" + id + "-1", id, "310101",
                AlertActionKind.ESCALATE, "policy@a", "huangpu", null, null, at(5)));
        book.apply(action(id, "310101", AlertActionKind.ACKNOWLEDGE, "huangpu", null, 10));
        assertThat(dueAt(39)).isEmpty();
        assertThat(dueAt(40)).singleElement().satisfies(e -> {
            assertThat(e.actionId()).isEqualTo("esc-" + id + "-r1");
            assertThat(e.duty()).isEqualTo("district_chief");
        });
        assertThat(dueAt(75)).extracting(Escalation::actionId).containsExactly("esc-" + id + "-r2");
    }

    @Test
    void yellowAndResolvedSituationsNeverEscalate() {
        book.apply(opened("flood.ponding_depth", "310101", Level.YELLOW, 0));
        assertThat(dueAt(600)).isEmpty();
        String id = book.all().get(0).id();
        book.apply(opened("flood.river_level", "310101", Level.RED, 1));
        book.apply(Alerts.resolution(id, "310101", "huangpu", "weather", "done", 2));
        assertThat(dueAt(600)).isEmpty();
    }
}
