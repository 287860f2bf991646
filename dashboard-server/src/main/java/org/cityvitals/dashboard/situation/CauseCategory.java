package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.WireNames;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a situation happened, given when a person resolves it; the response-time reports count by it. On the wire by
 * its lower-case name. The resolve action travels as an ordinary {@code AlertAction} on {@code cv.alert-actions} and
 * into {@code alert_actions}, which has no cause column: the cause leads the note as {@code [cause:weather] …}, and
 * {@link #tag}/{@link #parse} are the one place that writes and reads it.
 */
public enum CauseCategory {
    WEATHER, EQUIPMENT_FAILURE, THIRD_PARTY_DAMAGE, OVERLOAD, PLANNED_WORK, FALSE_ALARM, OTHER;

    private static final Pattern TAGGED = Pattern.compile("^\\[cause:([a-z_]+)\\] ?(.*)$", Pattern.DOTALL);

    /** The note of a resolve action: the cause, then the person's note. */
    public String tag(String note) {
        return "[cause:" + WireNames.of(this) + "] " + note;
    }

    /** The cause and note of a resolve action's note; null when it carries no cause. */
    public static Tagged parse(String note) {
        Matcher m = note == null ? null : TAGGED.matcher(note);
        if (m == null || !m.matches()) {
            return null;
        }
        return new Tagged(WireNames.parse(CauseCategory.class, m.group(1)), m.group(2));
    }

    public record Tagged(CauseCategory cause, String note) {}
}
