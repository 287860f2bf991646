package org.cityvitals.store.situation;

import java.time.Instant;

/**
 * One attempt to deliver a situation's notification: {@code deliveryId} names the notification (the escalation's
 * action id), {@code attempt} counts from 1, {@code outcome} is {@code delivered}, {@code failed} (another attempt
 * follows) or {@code gave_up}; {@code httpStatus} 0 when no answer came, {@code error} empty when none.
 */
public record Delivery(String deliveryId, int attempt, String situationId, String district, String channel,
                       String recipient, String target, String outcome, int httpStatus, String error,
                       Instant attemptedAt) {}
