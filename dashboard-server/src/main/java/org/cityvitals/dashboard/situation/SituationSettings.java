package org.cityvitals.dashboard.situation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How the dashboard derives and escalates situations.
 *
 * @param rulesFile  grouping, inhibition and escalation rules; null for the shipped {@code catalogue/situations.yaml}
 * @param rosterFile the duty roster ({@link DutyRoster}); null for none: escalations then name the duty, not a person
 * @param webhook    where escalations are sent beyond the screens; null for nowhere
 * @param clock      the escalation clock (tests pass one they move)
 * @param tick       how often due escalations are looked for
 * @param maintenanceRefresh how often the maintenance windows other instances recorded are read from ClickHouse
 */
public record SituationSettings(Path rulesFile, Path rosterFile, WebhookNotifier.Settings webhook, Clock clock,
                                Duration tick, Duration maintenanceRefresh) {

    public static SituationSettings defaults() {
        return new SituationSettings(null, null, null, Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofSeconds(5));
    }

    public SituationSettings withRoster(Path file) {
        return new SituationSettings(rulesFile, file, webhook, clock, tick, maintenanceRefresh);
    }

    public SituationSettings withWebhook(WebhookNotifier.Settings newWebhook) {
        return new SituationSettings(rulesFile, rosterFile, newWebhook, clock, tick, maintenanceRefresh);
    }

    public SituationSettings withClock(Clock newClock) {
        return new SituationSettings(rulesFile, rosterFile, webhook, newClock, tick, maintenanceRefresh);
    }

    public SituationSettings withRules(Path file) {
        return new SituationSettings(file, rosterFile, webhook, clock, tick, maintenanceRefresh);
    }
}
