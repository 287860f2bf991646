package org.cityvitals.ingest.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cityvitals.ingest.source.Rejection;

import java.time.Instant;

/**
 * The record written to {@code cv.deadletters} for every rejected item: original payload, source, reason code,
 * detail, where in the input it was (line, 0 when not line-based) and when it was rejected.
 */
public record DeadLetter(String source, String reason, String detail, String payload, long line, Instant time) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static DeadLetter of(Rejection rejection, Instant now) {
        return new DeadLetter(rejection.source(), rejection.reason().code(), rejection.detail(), rejection.payload(),
                rejection.line(), now);
    }

    public byte[] toJsonBytes() {
        ObjectNode node = JSON.createObjectNode()
                .put("source", source)
                .put("reason", reason)
                .put("detail", detail)
                .put("payload", payload)
                .put("line", line)
                .put("time", time.toString());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    public static DeadLetter fromJsonBytes(byte[] json) {
        try {
            var node = JSON.readTree(json);
            return new DeadLetter(node.path("source").asText(), node.path("reason").asText(),
                    node.path("detail").asText(), node.path("payload").asText(), node.path("line").asLong(),
                    Instant.parse(node.path("time").asText()));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a dead letter: " + e.getMessage(), e);
        }
    }
}
