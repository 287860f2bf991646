package org.cityvitals.indicators.access;

/** One thing a user may be allowed to do; {@link PermissionTable} grants them by role. */
public enum Permission {
    /** Live values, health scores and alerts of the areas in scope, over REST and WebSocket. */
    VIEW_LIVE,
    /** Stored history of the areas in scope. */
    VIEW_HISTORY,
    /** Alerts whose audience is the platform (data quality, feed stalls). */
    VIEW_PLATFORM_ALERTS,
    ACKNOWLEDGE,
    ASSIGN,
    COMMENT,
    /** Resolve by hand: closes the episode for people; the job opens a new one if the condition still holds. */
    RESOLVE,
    ESCALATE,
    /** Silence an alert for at most {@link PermissionTable#SHORT_SILENCE}. */
    SILENCE_SHORT,
    /** Silence an alert for longer, up to {@link PermissionTable#LONGEST_SILENCE}. */
    SILENCE_LONG,
    /** Create, change and remove users. */
    MANAGE_USERS,
    /** Start backfills of history over HTTP and follow them (what {@code cityvitals replay} does on a console). */
    RUN_BACKFILLS,
    /** Read the audit log: who read sensitive data, who changed the catalogue, users and rules (docs/GOVERNANCE.md). */
    VIEW_AUDIT
}
