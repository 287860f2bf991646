package org.cityvitals.store.situation;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.TableMapping;

import java.util.List;

/** {@code situation_responses}: one row per situation, the newest version kept. */
public final class SituationResponseTable implements TableMapping<SituationResponse> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "situation_responses";
    }

    @Override
    public List<String> columns() {
        return List.of("situation_id", "district", "hazard", "level", "opened_at", "acknowledged", "acknowledged_at",
                "resolved", "resolved_at", "cause", "version", "dispatched", "dispatched_at");
    }

    @Override
    public Object[] row(SituationResponse r) {
        return new Object[] {r.situationId(), r.district(), r.hazard(), r.level(), Cells.time(r.openedAt()),
                Cells.flag(r.acknowledgedAt()), Cells.timeOrEpoch(r.acknowledgedAt()),
                Cells.flag(r.resolvedAt()), Cells.timeOrEpoch(r.resolvedAt()), Cells.text(r.cause()), r.version(),
                Cells.flag(r.dispatchedAt()), Cells.timeOrEpoch(r.dispatchedAt())};
    }
}
