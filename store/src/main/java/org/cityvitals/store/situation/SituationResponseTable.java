package org.cityvitals.store.situation;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.ColumnTable;

/** {@code situation_responses}: one row per situation, the newest version kept. */
public final class SituationResponseTable extends ColumnTable<SituationResponse> {

    private static final long serialVersionUID = 2L;

    public SituationResponseTable() {
        super("situation_responses",
                column("situation_id", SituationResponse::situationId),
                column("district", SituationResponse::district),
                column("hazard", SituationResponse::hazard),
                column("level", SituationResponse::level),
                column("opened_at", r -> Cells.time(r.openedAt())),
                column("acknowledged", r -> Cells.flag(r.acknowledgedAt())),
                column("acknowledged_at", r -> Cells.timeOrEpoch(r.acknowledgedAt())),
                column("resolved", r -> Cells.flag(r.resolvedAt())),
                column("resolved_at", r -> Cells.timeOrEpoch(r.resolvedAt())),
                column("cause", r -> Cells.text(r.cause())),
                column("version", SituationResponse::version),
                column("dispatched", r -> Cells.flag(r.dispatchedAt())),
                column("dispatched_at", r -> Cells.timeOrEpoch(r.dispatchedAt())));
    }
}
