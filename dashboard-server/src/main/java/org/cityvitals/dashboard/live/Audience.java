package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.ItemKind;

/**
 * What a group of users may see: their scope, whether they see the platform's own alarms, and the highest class of
 * data they are cleared for. Sessions with the same audience share every decision and every encoded message, so the
 * work per message grows with the number of audiences, not of screens.
 */
public record Audience(AccessScope scope, boolean platformAlerts, Clearance clearance) {

    public static Audience of(PlatformUser user) {
        return new Audience(user.scope(), user.may(Permission.VIEW_PLATFORM_ALERTS), user.clearance());
    }

    /** Whether a message about {@code district} (null: no area) of its class may reach this audience. */
    public boolean admits(Outgoing message) {
        return (message.district() == null || scope.allows(message.district()))
                && (!message.platformOnly() || platformAlerts)
                && clearance.covers(message.dataClass());
    }

    /** Whether the audience is cleared for the values of an indicator. */
    public boolean reveals(String indicatorId) {
        return Classification.loadDefault().reveals(clearance, indicatorId);
    }

    /** Whether the audience is cleared for the alerts on an indicator, their actions and notes. */
    public boolean revealsAlertsOn(String indicatorId) {
        return clearance.covers(Classification.loadDefault().alertClass(indicatorId));
    }

    /** Whether the audience is cleared for health scores, which summarise indicators of every class. */
    public boolean revealsHealth() {
        return clearance.covers(classOfHealth());
    }

    public static Clearance classOfHealth() {
        return Classification.loadDefault().classOf(ItemKind.DATASET, Classification.HEALTH_SCORES);
    }
}
