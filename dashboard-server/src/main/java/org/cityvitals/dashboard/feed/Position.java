package org.cityvitals.dashboard.feed;

/**
 * Where one record of the alert stream sits: its stream and partition ({@code a0}: {@code cv.alerts} partition 0),
 * its Kafka offset, and its Kafka timestamp.
 */
public record Position(String streamPartition, long offset, long timeMillis) {
}
