package org.cityvitals.store.table;

import org.cityvitals.indicators.event.Incident;

import java.util.List;

/**
 * {@code incidents}: write every lifecycle stage of an incident as it arrives; the table keeps the furthest stage
 * (its {@code stage} column is derived from {@code status} by the server).
 */
public final class IncidentTable implements TableMapping<Incident> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "incidents";
    }

    @Override
    public List<String> columns() {
        return List.of("id", "source", "category", "subcategory", "district", "priority", "status", "reported_at",
                "dispatched_at", "resolved_at", "lat", "lon");
    }

    @Override
    public Object[] row(Incident i) {
        return new Object[] {i.id(), i.source().jsonName(), i.category(),
                Cells.text(i.subcategory()), i.district(), i.priority(), i.status().jsonName(),
                Cells.time(i.reportedAt()), Cells.timeOrNull(i.dispatchedAt()), Cells.timeOrNull(i.resolvedAt()),
                i.lat(), i.lon()};
    }
}
