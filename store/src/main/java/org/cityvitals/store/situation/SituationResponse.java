package org.cityvitals.store.situation;

import java.time.Instant;

/**
 * How the operations centre responded to one situation: when it opened, when a person acknowledged it, dispatched
 * its first work order and resolved it (null while they have not) and with which cause. {@code version} grows with
 * the situation, so the newest row wins.
 */
public record SituationResponse(String situationId, String district, String hazard, String level, Instant openedAt,
                                Instant acknowledgedAt, Instant dispatchedAt, Instant resolvedAt, String cause,
                                int version) {}
