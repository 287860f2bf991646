package org.cityvitals.dashboard.live;

/**
 * One message on its way to WebSocket clients, encoded once for all of them. {@code district} is what the scope
 * check looks at; null for messages that concern no district (heartbeats).
 */
public record Outgoing(String district, String json) {
}
