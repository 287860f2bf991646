package org.cityvitals.store.table;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * How record fields become stored values, the same for every table (the read side is {@code query.Columns}): times
 * as {@link Timestamp}, absent text as '' (18.16 has no cheap Nullable String), an absent time beside a 0/1 flag as
 * the epoch.
 */
public final class Cells {

    private Cells() {}

    public static Timestamp time(Instant t) {
        return Timestamp.from(t);
    }

    /** For a Nullable(DateTime) column. */
    public static Timestamp timeOrNull(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    /** For a DateTime column read only when its flag ({@link #flag}) is 1. */
    public static Timestamp timeOrEpoch(Instant t) {
        return Timestamp.from(t == null ? Instant.EPOCH : t);
    }

    public static String text(String s) {
        return s == null ? "" : s;
    }

    /** 1 when the value is present, 0 when it is null. */
    public static int flag(Object value) {
        return value == null ? 0 : 1;
    }
}
