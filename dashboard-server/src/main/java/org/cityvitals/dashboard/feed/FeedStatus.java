package org.cityvitals.dashboard.feed;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** What the feeds report about themselves for {@code /health}; written by their threads, read by the HTTP one. */
public final class FeedStatus {

    private volatile boolean kafkaAssigned;
    private volatile boolean caughtUp;
    private volatile Instant lastRecordAt;
    private volatile String openAlertsLoad = "pending";

    void kafkaAssigned(boolean assigned) {
        kafkaAssigned = assigned;
    }

    void caughtUp() {
        caughtUp = true;
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    public boolean isKafkaAssigned() {
        return kafkaAssigned;
    }

    public String openAlertsLoad() {
        return openAlertsLoad;
    }

    void recordReceived() {
        lastRecordAt = Instant.now();
    }

    void openAlertsLoad(String outcome) {
        openAlertsLoad = outcome;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("kafka", kafkaAssigned ? (caughtUp ? "consuming" : "replaying") : "waiting for broker or topics")
                .put("lastRecordAt", lastRecordAt == null ? null : lastRecordAt.toString())
                .put("openAlertsFromClickHouse", openAlertsLoad);
    }
}
