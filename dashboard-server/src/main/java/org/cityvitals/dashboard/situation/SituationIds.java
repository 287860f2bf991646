package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.ItemKind;

import java.time.Instant;

/**
 * The ids of situations and of the escalations sent for them, derived from the alert stream alone so every dashboard
 * instance derives the same ones: {@code sit-<district>-<hazard>-<epoch seconds its first member's condition began>}.
 * Actions on a situation travel on {@code cv.alert-actions} with the situation id in place of an alert id.
 */
public final class SituationIds {

    private static final String PREFIX = "sit-";

    private SituationIds() {}

    public static String of(String district, String hazard, Instant firstSince) {
        return PREFIX + district + "-" + hazard + "-" + firstSince.getEpochSecond();
    }

    public static boolean isSituation(String id) {
        return id.startsWith(PREFIX);
    }

    /**
     * The class every situation has at least, and that of what is said about one without its members (an action on
     * it): situations group alerts and carry people's notes, so they are of the class of the alerts dataset
     * (classification.yaml). Who is not cleared for it sees no situation at all.
     */
    public static Clearance dataClass() {
        return Classification.loadDefault().classOf(ItemKind.DATASET, Classification.ALERTS);
    }

    /**
     * The class of one situation, the one rule by which REST, the screens' WebSocket and the webhooks judge it: the
     * situations' own class, or the class of an alert among its members when that is higher (an alert on an indicator
     * classed above {@code internal}, or on one not classified, which fails closed as {@code sensitive}).
     */
    public static Clearance classOf(Situation situation) {
        Classification classification = Classification.loadDefault();
        Clearance highest = dataClass();
        for (Situation.Member member : situation.members()) {
            highest = highest.higher(classification.alertClass(member.indicatorId()));
        }
        return highest;
    }

    /** Whether {@code user} may see {@code situation}: it is in their scope and their clearance covers its class. */
    public static boolean visibleTo(PlatformUser user, Situation situation) {
        return user.scope().allows(situation.district()) && user.clearance().covers(classOf(situation));
    }

    /** The escalation of a situation at step {@code step} (1-based) of its policy. */
    public static String escalation(String situationId, int step) {
        return "esc-" + situationId + "-" + step;
    }

    /** The {@code n}-th reminder of an acknowledged situation not yet resolved. */
    public static String reminder(String situationId, long n) {
        return "esc-" + situationId + "-r" + n;
    }
}
