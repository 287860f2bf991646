package org.cityvitals.dashboard.feed;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** What the feeds report about themselves for {@code /health}; written by their threads, read by the HTTP one. */
public final class FeedStatus {

    private volatile boolean kafkaAssigned;
    private volatile Instant lastRecordAt;
    private volatile String openAlertsLoad = "pending";

    void kafkaAssigned(boolean assigned) {
        kafkaAssigned = assigned;
    }

    void recordReceived() {
        lastRecordAt = Instant.now();
    }

    void openAlertsLoad(String outcome) {
        openAlertsLoad = outcome;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("kafka", kafkaAssigned ? "consuming" : "waiting for broker or topics")
                .put("lastRecordAt", lastRecordAt == null ? null : lastRecordAt.toString())
                .put("openAlertsFromClickHouse", openAlertsLoad);
    }
}
