package org.cityvitals.store.situation;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.ColumnTable;

/** {@code notification_deliveries}: one row per attempt to deliver a notification. */
public final class DeliveryTable extends ColumnTable<Delivery> {

    private static final long serialVersionUID = 2L;

    public DeliveryTable() {
        super("notification_deliveries",
                column("delivery_id", Delivery::deliveryId),
                column("attempt", Delivery::attempt),
                column("situation_id", Delivery::situationId),
                column("district", Delivery::district),
                column("channel", Delivery::channel),
                column("recipient", Delivery::recipient),
                column("target", Delivery::target),
                column("outcome", Delivery::outcome),
                column("http_status", Delivery::httpStatus),
                column("error", Delivery::error),
                column("attempted_at", d -> Cells.time(d.attemptedAt())));
    }
}
