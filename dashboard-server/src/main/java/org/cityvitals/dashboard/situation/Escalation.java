package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.level.Level;

import java.time.Instant;

/**
 * An escalation that is due: step {@code step} of the situation's policy (or, for a reminder, {@code step} 0 and
 * the reminder's number in {@code reminder}), to whoever is on {@code duty} at {@code dueAt}. {@code actionId} is
 * derived from the situation and the step, so every instance that finds it due names it the same.
 */
public record Escalation(String situationId, String district, Level level, String actionId, int step, long reminder,
                         String duty, Instant dueAt) {

    public boolean isReminder() {
        return reminder > 0;
    }
}
