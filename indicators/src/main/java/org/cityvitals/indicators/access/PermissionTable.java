package org.cityvitals.indicators.access;

import org.cityvitals.indicators.signal.AlertActionKind;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.cityvitals.indicators.access.Permission.ACKNOWLEDGE;
import static org.cityvitals.indicators.access.Permission.ASSIGN;
import static org.cityvitals.indicators.access.Permission.COMMENT;
import static org.cityvitals.indicators.access.Permission.ESCALATE;
import static org.cityvitals.indicators.access.Permission.MANAGE_USERS;
import static org.cityvitals.indicators.access.Permission.RESOLVE;
import static org.cityvitals.indicators.access.Permission.SILENCE_LONG;
import static org.cityvitals.indicators.access.Permission.SILENCE_SHORT;
import static org.cityvitals.indicators.access.Permission.VIEW_HISTORY;
import static org.cityvitals.indicators.access.Permission.VIEW_LIVE;
import static org.cityvitals.indicators.access.Permission.VIEW_PLATFORM_ALERTS;

/**
 * The one permission table of the platform, checked on every action (docs/ACCESS.md prints it; a test keeps the two
 * equal). Every grant is further limited to the user's {@link AccessScope}: a dispatcher acknowledges only in their
 * own districts.
 */
public final class PermissionTable {

    /** The longest silence a dispatcher may set; longer ones need {@link Permission#SILENCE_LONG}. */
    public static final Duration SHORT_SILENCE = Duration.ofHours(1);
    /** The longest silence anyone may set. */
    public static final Duration LONGEST_SILENCE = Duration.ofDays(7);

    private static final Set<Permission> HANDLING = EnumSet.of(ACKNOWLEDGE, ASSIGN, COMMENT, RESOLVE, ESCALATE,
            SILENCE_SHORT);

    private static final Map<Role, Set<Permission>> GRANTS = grants();

    private PermissionTable() {}

    private static Map<Role, Set<Permission>> grants() {
        Map<Role, Set<Permission>> g = new EnumMap<>(Role.class);
        g.put(Role.DISPATCHER, with(HANDLING, VIEW_LIVE, VIEW_HISTORY));
        g.put(Role.OPERATOR, with(HANDLING, VIEW_LIVE, VIEW_HISTORY, SILENCE_LONG));
        g.put(Role.ANALYST, with(Set.of(), VIEW_LIVE, VIEW_HISTORY));
        g.put(Role.PLATFORM_STAFF, with(HANDLING, VIEW_LIVE, VIEW_HISTORY, VIEW_PLATFORM_ALERTS));
        g.put(Role.ADMIN, EnumSet.allOf(Permission.class));
        g.replaceAll((role, permissions) -> Collections.unmodifiableSet(permissions));
        return Collections.unmodifiableMap(g);
    }

    private static Set<Permission> with(Set<Permission> base, Permission... more) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        all.addAll(base);
        all.addAll(Set.of(more));
        return all;
    }

    /** What {@code role} may do. */
    public static Set<Permission> of(Role role) {
        return GRANTS.get(role);
    }

    public static boolean allows(Role role, Permission permission) {
        return GRANTS.get(role).contains(permission);
    }

    /**
     * The permission an alert action needs: its own kind's, and for a silence, the short or the long one by how
     * long it lasts.
     */
    public static Permission needed(AlertActionKind kind, Duration silence) {
        return switch (kind) {
            case ACKNOWLEDGE -> ACKNOWLEDGE;
            case ASSIGN -> ASSIGN;
            case COMMENT -> COMMENT;
            case RESOLVE -> RESOLVE;
            case ESCALATE -> ESCALATE;
            case SILENCE -> silence.compareTo(SHORT_SILENCE) <= 0 ? SILENCE_SHORT : SILENCE_LONG;
        };
    }
}
