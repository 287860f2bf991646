package org.cityvitals.indicators.catalogue;

import java.time.Duration;
import java.util.List;

/**
 * A cause that raises several indicators at once in one district (a rainstorm raises rainfall, ponding, river level
 * and drainage complaints). Alerts of one district on the hazard's indicators form one situation (事态) while their
 * conditions overlap or follow each other within {@code window}.
 */
public record Hazard(String id, String nameZh, String nameEn, List<String> indicatorIds, Duration window) {

    public Hazard {
        indicatorIds = List.copyOf(indicatorIds);
    }
}
