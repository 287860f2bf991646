package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PlatformUser;

/**
 * What a group of users may see: their scope, and whether they see the platform's own alarms. Sessions with the same
 * audience share every decision and every encoded message, so the work per message grows with the number of
 * audiences, not of screens.
 */
public record Audience(AccessScope scope, boolean platformAlerts) {

    public static Audience of(PlatformUser user) {
        return new Audience(user.scope(), user.may(Permission.VIEW_PLATFORM_ALERTS));
    }

    /** Whether a message about {@code district} (null: no area) may reach this audience. */
    public boolean admits(Outgoing message) {
        return (message.district() == null || scope.allows(message.district()))
                && (!message.platformOnly() || platformAlerts);
    }
}
