package org.cityvitals.store.table;

import org.cityvitals.indicators.event.Incident;

import java.sql.Timestamp;
import java.time.Instant;
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
                i.subcategory() == null ? "" : i.subcategory(), i.district(), i.priority(), i.status().jsonName(),
                Timestamp.from(i.reportedAt()), timestampOrNull(i.dispatchedAt()), timestampOrNull(i.resolvedAt()),
                i.lat(), i.lon()};
    }

    private static Timestamp timestampOrNull(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
