package org.cityvitals.dashboard.situation;

import org.cityvitals.dashboard.auth.UserDirectory;
import org.cityvitals.dashboard.feed.AlertActionPublisher;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.SituationRules;
import org.cityvitals.store.ClickHouse;

/** Builds the situation verticle from its settings: rules checked against the catalogue, roster against the users. */
public final class Situations {

    private Situations() {}

    /** @throws IllegalStateException or IllegalArgumentException listing every problem of the rules or the roster */
    public static SituationVerticle verticle(SituationSettings settings, IndicatorCatalogue catalogue,
                                             UserDirectory users, SituationView view,
                                             AlertActionPublisher publisher, ClickHouse clickHouse,
                                             String database) {
        SituationRules rules = (settings.rulesFile() == null ? SituationRules.loadDefault(catalogue)
                : SituationRules.load(settings.rulesFile(), catalogue)).orThrow();
        view.useRules(rules, settings.clock());
        DutyRoster roster = settings.rosterFile() == null ? DutyRoster.empty()
                : DutyRoster.load(settings.rosterFile(), users::find);
        return new SituationVerticle(new SituationBook(rules, catalogue, view.maintenance()),
                new EscalationPlanner(rules), roster, view, publisher, SituationStores.of(clickHouse, database),
                settings);
    }
}
