package org.cityvitals.store.table;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.AlertEvent;

import java.util.List;

/** {@code alert_events}: one row per transition of an alert episode, keyed by (district, alert id, version). */
public final class AlertEventTable implements TableMapping<AlertEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "alert_events";
    }

    @Override
    public List<String> columns() {
        return List.of("alert_id", "version", "rule", "indicator_id", "district", "kind", "level", "previous_level",
                "value", "threshold", "since", "event_time", "audience", "origin", "message");
    }

    @Override
    public Object[] row(AlertEvent e) {
        return new Object[] {e.alertId(), e.version(), e.rule(), e.indicatorId(), e.district(),
                WireNames.of(e.kind()), WireNames.of(e.level()), WireNames.of(e.previousLevel()), e.value(),
                e.threshold(), Cells.time(e.since()), Cells.time(e.eventTime()), WireNames.of(e.audience()),
                WireNames.of(e.origin()), e.message()};
    }
}
