package org.cityvitals.store.table;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.AlertEvent;

/** {@code alert_events}: one row per transition of an alert episode, keyed by (district, alert id, version). */
public final class AlertEventTable extends ColumnTable<AlertEvent> {

    private static final long serialVersionUID = 2L;

    public AlertEventTable() {
        super("alert_events",
                column("alert_id", AlertEvent::alertId),
                column("version", AlertEvent::version),
                column("rule", AlertEvent::rule),
                column("indicator_id", AlertEvent::indicatorId),
                column("district", AlertEvent::district),
                column("kind", e -> WireNames.of(e.kind())),
                column("level", e -> WireNames.of(e.level())),
                column("previous_level", e -> WireNames.of(e.previousLevel())),
                column("value", AlertEvent::value),
                column("threshold", AlertEvent::threshold),
                column("since", e -> Cells.time(e.since())),
                column("event_time", e -> Cells.time(e.eventTime())),
                column("audience", e -> WireNames.of(e.audience())),
                column("origin", e -> WireNames.of(e.origin())),
                column("message", AlertEvent::message));
    }
}
