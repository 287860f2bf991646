package org.cityvitals.store.table;

import org.cityvitals.indicators.event.Incident;

/**
 * {@code incidents}: write every lifecycle stage of an incident as it arrives; the table keeps the furthest stage
 * (its {@code stage} column is derived from {@code status} by the server).
 */
public final class IncidentTable extends ColumnTable<Incident> {

    private static final long serialVersionUID = 2L;

    public IncidentTable() {
        super("incidents",
                column("id", Incident::id),
                column("source", i -> i.source().jsonName()),
                column("category", Incident::category),
                column("subcategory", i -> Cells.text(i.subcategory())),
                column("district", Incident::district),
                column("priority", Incident::priority),
                column("status", i -> i.status().jsonName()),
                column("reported_at", i -> Cells.time(i.reportedAt())),
                column("dispatched_at", i -> Cells.timeOrNull(i.dispatchedAt())),
                column("resolved_at", i -> Cells.timeOrNull(i.resolvedAt())),
                column("lat", Incident::lat),
                column("lon", Incident::lon));
    }
}
