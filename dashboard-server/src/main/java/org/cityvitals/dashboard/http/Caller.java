package org.cityvitals.dashboard.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.governance.Classification;

/** The authenticated caller of a REST request, as the API router's root handler found it. */
final class Caller {

    private static final String KEY = "cityvitals.caller";

    private Caller() {}

    static void set(RoutingContext ctx, Authenticator.Verified verified) {
        ctx.put(KEY, verified);
    }

    static Authenticator.Verified token(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    static PlatformUser of(RoutingContext ctx) {
        return token(ctx).user();
    }

    /** Whether the caller may; if not, answers 403 naming the role and the permission. */
    static boolean may(RoutingContext ctx, Permission permission) {
        PlatformUser user = of(ctx);
        if (user.may(permission)) {
            return true;
        }
        Answers.error(ctx, 403, "the role " + WireNames.of(user.role()) + " may not "
                + WireNames.of(permission).replace('_', ' ') + " (see the permission table in docs/ACCESS.md)");
        return false;
    }

    /** {@code handler}, for callers whose role may; others are answered as by {@link #may}. */
    static Handler<RoutingContext> requiring(Permission permission, Handler<RoutingContext> handler) {
        return ctx -> {
            if (may(ctx, permission)) {
                handler.handle(ctx);
            }
        };
    }

    /** Whether {@code area} is in the caller's scope; if not, answers 403 naming it. */
    static boolean inScope(RoutingContext ctx, String area) {
        if (of(ctx).scope().allows(area)) {
            return true;
        }
        Answers.error(ctx, 403, "area " + area + " is outside your scope");
        return false;
    }

    /** {@link #cleared} for the values of an indicator, as the data classification classes it. */
    static boolean clearedFor(RoutingContext ctx, String indicatorId) {
        return cleared(ctx, Classification.loadDefault().indicatorClass(indicatorId), "indicator " + indicatorId);
    }

    /** {@link #cleared} for the alerts on an indicator, their actions and notes. */
    static boolean clearedForAlertsOn(RoutingContext ctx, String indicatorId) {
        return cleared(ctx, Classification.loadDefault().alertClass(indicatorId), "alerts on " + indicatorId);
    }

    /**
     * Whether the caller is cleared for data of {@code dataClass}; if not, answers 403 naming the data, its class and
     * the caller's clearance.
     */
    static boolean cleared(RoutingContext ctx, Clearance dataClass, String what) {
        Clearance clearance = of(ctx).clearance();
        if (clearance.covers(dataClass)) {
            return true;
        }
        Answers.error(ctx, 403, what + " is " + WireNames.of(dataClass) + " data and your clearance is "
                + WireNames.of(clearance) + " (see docs/GOVERNANCE.md)");
        return false;
    }
}
