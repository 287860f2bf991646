package org.cityvitals.dashboard.situation;

import org.cityvitals.dashboard.auth.UserDirectory;
import org.cityvitals.dashboard.feed.AlertActionPublisher;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.SituationRules;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.query.AlertQueries;
import org.cityvitals.store.query.DeliveryLog;
import org.cityvitals.store.query.MaintenanceLog;
import org.cityvitals.store.query.ResponseTimes;

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
        DutyRoster roster = settings.rosterFile() == null ? DutyRoster.empty()
                : DutyRoster.load(settings.rosterFile(), users::find);
        return new SituationVerticle(new SituationBook(rules, catalogue, view.maintenance()),
                new EscalationPlanner(rules), roster, view, publisher, new SituationVerticle.Stores(
                new AlertQueries(clickHouse, database), new DeliveryLog(clickHouse, database),
                new ResponseTimes(clickHouse, database), new MaintenanceLog(clickHouse, database)), settings);
    }
}
