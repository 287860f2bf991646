package org.cityvitals.store.situation;

import java.time.Instant;

/**
 * How the operations centre responded to one situation: when it opened, when a person acknowledged and resolved it
 * (null while they have not) and with which cause. {@code version} grows with the situation, so the newest row wins.
 */
public record SituationResponse(String situationId, String district, String hazard, String level, Instant openedAt,
                                Instant acknowledgedAt, Instant resolvedAt, String cause, int version) {}
