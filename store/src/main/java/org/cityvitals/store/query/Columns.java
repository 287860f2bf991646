package org.cityvitals.store.query;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.level.Level;

import java.time.Instant;

/** How stored values become record fields, the same for every query. */
final class Columns {

    private Columns() {}

    static Level level(String stored) {
        return WireNames.parse(Level.class, stored);
    }

    /** Times are selected as Unix seconds ({@code toUnixTimestamp}), so no time zone can shift them. */
    static Instant instant(long unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds);
    }

    /** Absent text is stored as '' (18.16 has no cheap Nullable String); records want null. */
    static String emptyToNull(String stored) {
        return stored == null || stored.isEmpty() ? null : stored;
    }
}
