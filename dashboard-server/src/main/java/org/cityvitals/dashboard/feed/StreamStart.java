package org.cityvitals.dashboard.feed;

import java.util.Map;

/**
 * The Kafka consumer's news for the live view: the offset at which the replay of each alert-stream partition starts
 * ({@code starts}, by stream partition such as {@code a0}), and whether it has since read everything that was in
 * those partitions when it assigned them ({@code caughtUp}).
 */
public record StreamStart(Map<String, Long> starts, boolean caughtUp) {
}
