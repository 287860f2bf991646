package org.cityvitals.store.table;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.AlertAction;

/** {@code alert_actions}: one row per action on an alert; a retried write with the same action id folds into one. */
public final class AlertActionTable extends ColumnTable<AlertAction> {

    private static final long serialVersionUID = 2L;

    public AlertActionTable() {
        super("alert_actions",
                column("action_id", AlertAction::actionId),
                column("alert_id", AlertAction::alertId),
                column("district", AlertAction::district),
                column("action", a -> WireNames.of(a.kind())),
                column("user_name", AlertAction::user),
                column("assignee", a -> Cells.text(a.assignee())),
                column("silenced_until", a -> Cells.timeOrNull(a.silencedUntil())),
                column("note", a -> Cells.text(a.note())),
                column("acted_at", a -> Cells.time(a.actedAt())),
                column("cause", a -> Cells.text(a.cause())));
    }
}
