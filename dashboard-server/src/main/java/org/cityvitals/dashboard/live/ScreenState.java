package org.cityvitals.dashboard.live;

/**
 * State another verticle pushes to the screens through the live view (a situation, for instance): sent to every
 * session whose scope allows {@code district}, coalesced per {@code key} for a slow client like values are.
 * {@code message} is encoded once, by SignalCodec, with its {@code type} field first.
 */
public record ScreenState(String key, String district, Object message) {}
