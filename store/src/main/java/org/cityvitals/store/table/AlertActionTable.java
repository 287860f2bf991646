package org.cityvitals.store.table;

import org.cityvitals.indicators.signal.AlertAction;

import org.cityvitals.indicators.WireNames;

import java.util.List;

/** {@code alert_actions}: one row per action on an alert; a retried write with the same action id folds into one. */
public final class AlertActionTable implements TableMapping<AlertAction> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "alert_actions";
    }

    @Override
    public List<String> columns() {
        return List.of("action_id", "alert_id", "district", "action", "user_name", "assignee", "silenced_until",
                "note", "acted_at", "cause");
    }

    @Override
    public Object[] row(AlertAction a) {
        return new Object[] {a.actionId(), a.alertId(), a.district(), WireNames.of(a.kind()), a.user(),
                Cells.text(a.assignee()), Cells.timeOrNull(a.silencedUntil()), Cells.text(a.note()),
                Cells.time(a.actedAt()), Cells.text(a.cause())};
    }
}
