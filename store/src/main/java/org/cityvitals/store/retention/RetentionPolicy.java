package org.cityvitals.store.retention;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many days each partitioned table keeps, or {@link #FOREVER}. Defaults: raw readings 14 days (long enough to
 * replay two weeks), 1-minute indicator values and health scores 35 days (a month back, plus slack), the hourly
 * rollup 400 days (a year against the year before), and the daily rollup, incidents, alert events and alert actions
 * forever (they are small, and they are the record of what happened and who did what).
 */
public record RetentionPolicy(Map<String, Integer> days) {

    /** Marks a table whose partitions are never dropped. */
    public static final int FOREVER = 0;

    private static final String FOREVER_WORD = "forever";

    public RetentionPolicy {
        days = Map.copyOf(days);
    }

    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Map.of(
                "readings", 14,
                "indicator_values", 35,
                "health_scores", 35,
                "indicator_values_hourly", 400,
                "indicator_values_daily", FOREVER,
                "incidents", FOREVER,
                "alert_events", FOREVER,
                "alert_actions", FOREVER));
    }

    /**
     * These defaults changed by {@code spec}, a comma-separated list of {@code table=days} or {@code table=forever},
     * e.g. {@code readings=7,indicator_values=60}.
     *
     * @throws IllegalArgumentException naming the entry, and the known tables when the table is unknown
     */
    public static RetentionPolicy parse(String spec) {
        RetentionPolicy policy = defaults();
        for (String entry : spec.split(",")) {
            String[] parts = entry.strip().split("=", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("retention entry '" + entry.strip() + "' is not table=days");
            }
            policy = policy.with(parts[0].strip(), days(entry.strip(), parts[1].strip()));
        }
        return policy;
    }

    /** This policy with {@code table} kept for {@code days} days, or forever when {@code days} is {@link #FOREVER}. */
    public RetentionPolicy with(String table, int days) {
        if (!this.days.containsKey(table)) {
            throw new IllegalArgumentException("no retention for unknown table '" + table + "'; known tables: "
                    + String.join(", ", new TreeMap<>(this.days).keySet()));
        }
        if (days < 0) {
            throw new IllegalArgumentException("retention of " + table + " must be positive days or forever: " + days);
        }
        Map<String, Integer> changed = new TreeMap<>(this.days);
        changed.put(table, days);
        return new RetentionPolicy(changed);
    }

    private static int days(String entry, String value) {
        if (value.equals(FOREVER_WORD)) {
            return FOREVER;
        }
        try {
            int days = Integer.parseInt(value);
            if (days > 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below, with the entry
        }
        throw new IllegalArgumentException("retention entry '" + entry + "': days must be a positive whole number or '"
                + FOREVER_WORD + "'");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(days).forEach((table, d) -> text.append(text.isEmpty() ? "" : ", ").append(table).append('=')
                .append(d == FOREVER ? FOREVER_WORD : d + "d"));
        return text.toString();
    }
}
