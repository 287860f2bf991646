package org.cityvitals.dashboard.feed;

/** A record of the alert stream ({@code AlertEvent} or {@code AlertAction}) with where it sits in Kafka. */
public record Sequenced(Object signal, Position position) {
}
