package org.cityvitals.store.situation;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.TableMapping;

import java.util.List;

/** {@code notification_deliveries}: one row per attempt to deliver a notification. */
public final class DeliveryTable implements TableMapping<Delivery> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "notification_deliveries";
    }

    @Override
    public List<String> columns() {
        return List.of("delivery_id", "attempt", "situation_id", "district", "channel", "recipient", "target",
                "outcome", "http_status", "error", "attempted_at");
    }

    @Override
    public Object[] row(Delivery d) {
        return new Object[] {d.deliveryId(), d.attempt(), d.situationId(), d.district(), d.channel(), d.recipient(),
                d.target(), d.outcome(), d.httpStatus(), d.error(), Cells.time(d.attemptedAt())};
    }
}
