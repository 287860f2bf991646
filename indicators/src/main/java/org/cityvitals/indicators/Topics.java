package org.cityvitals.indicators;

/** Kafka topic names shared by every producer and consumer of the platform. */
public final class Topics {
    /** Canonical {@code Reading} events, keyed by sensor id. */
    public static final String READINGS = "cv.readings";
    /** Canonical {@code Incident} events, keyed by incident id. */
    public static final String INCIDENTS = "cv.incidents";
    /** Rejected input with its original payload, source and reason. */
    public static final String DEAD_LETTERS = "cv.deadletters";
    /** Indicator values per (indicator, district, window), keyed by indicator and district. */
    public static final String INDICATOR_UPDATES = "cv.indicators";
    /** Health scores per district and city-wide, every minute, keyed by district. */
    public static final String HEALTH_SCORES = "cv.health";
    /** Alert lifecycle events (opened, level changed, resolved), keyed by alert id. */
    public static final String ALERT_EVENTS = "cv.alerts";
    /**
     * Replayed history: {@code Reading} events of replays, keyed by sensor id, each record with the
     * {@link #REPLAY_HEADER}. Apart from {@link #READINGS} so the live job's event time never sees the past.
     */
    public static final String REPLAY_READINGS = "cv.replay.readings";
    /** Replayed {@code Incident} events, keyed by incident id, each record with the {@link #REPLAY_HEADER}. */
    public static final String REPLAY_INCIDENTS = "cv.replay.incidents";
    /**
     * What people did with alerts ({@code AlertAction}), keyed by alert id: written by the dashboard instance that
     * took the action, read by every instance so every screen sees it.
     */
    public static final String ALERT_ACTIONS = "cv.alert-actions";

    /** Kafka record header naming the replay a record belongs to (its id, UTF-8). */
    public static final String REPLAY_HEADER = "cv-replay";
    /** Kafka record header naming the API key (its id, never its secret) that sent a gateway record (UTF-8). */
    public static final String SENDER_HEADER = "cv-sender";

    /** Every topic of the platform, for stacks that create them. */
    public static String[] all() {
        return new String[] {READINGS, INCIDENTS, DEAD_LETTERS, INDICATOR_UPDATES, HEALTH_SCORES, ALERT_EVENTS,
            REPLAY_READINGS, REPLAY_INCIDENTS, ALERT_ACTIONS};
    }

    /** Whether a topic carries incidents (live or replayed) rather than readings. */
    public static boolean isIncidents(String topic) {
        return INCIDENTS.equals(topic) || REPLAY_INCIDENTS.equals(topic);
    }

    private Topics() {}
}
