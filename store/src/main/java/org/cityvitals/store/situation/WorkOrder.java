package org.cityvitals.store.situation;

import java.time.Instant;

/**
 * Work dispatched for a situation: who does it ({@code assignee}), by when ({@code dueAt}), and how far it got
 * ({@code status}: {@code open}, {@code in_progress}, {@code done}, {@code cancelled}). {@code version} grows with
 * each change, so the newest row wins.
 */
public record WorkOrder(String orderId, String situationId, String district, String assignee, Instant dueAt,
                        String status, String note, String createdBy, Instant createdAt, Instant updatedAt,
                        int version) {}
