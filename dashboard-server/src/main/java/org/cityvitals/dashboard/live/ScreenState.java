package org.cityvitals.dashboard.live;

import org.cityvitals.indicators.access.Clearance;

/**
 * State another verticle pushes to the screens through the live view (a situation, for instance): sent to every
 * session whose scope allows {@code district}, coalesced per {@code key} for a slow client like values are.
 * {@code dataClass} is the class of data it carries (a situation's is {@code SituationIds.classOf}); only sessions
 * cleared for it get it. {@code message} is encoded once, by SignalCodec, with its {@code type} field first.
 *
 * <p>{@code withdrawal} is what a session gets instead when the key's class has risen above its clearance since the
 * key was last pushed (a situation that a member of a higher class joined), so that it does not go on showing what
 * it may no longer see. It is null for a state whose class cannot rise, and for the key's last state, after which the
 * live view forgets the key.
 */
public record ScreenState(String key, String district, Clearance dataClass, Object message, Object withdrawal) {}
