package org.cityvitals.indicators.catalogue;

import org.cityvitals.indicators.level.Thresholds;

/**
 * Levels of the operations centre's own indicators: the mean minutes from a situation's opening to a person's
 * acknowledgement, to its first work order and to its resolution, per district and hazard (higher is worse).
 * {@code standard} says where the thresholds come from.
 */
public record ResponseLevels(String standard, Thresholds acknowledge, Thresholds dispatch, Thresholds resolve) {}
