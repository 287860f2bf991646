package org.cityvitals.dashboard.situation;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.query.AlertQueries;
import org.cityvitals.store.query.DeliveryLog;
import org.cityvitals.store.query.MaintenanceLog;
import org.cityvitals.store.query.ResponseTimes;
import org.cityvitals.store.query.WorkOrders;

/** The tables situations are kept in, as the situation verticle and the REST API read and write them. */
public record SituationStores(AlertQueries alerts, DeliveryLog deliveries, ResponseTimes responseTimes,
                              MaintenanceLog maintenance, WorkOrders workOrders) {

    public static SituationStores of(ClickHouse clickHouse, String database) {
        return new SituationStores(new AlertQueries(clickHouse, database), new DeliveryLog(clickHouse, database),
                new ResponseTimes(clickHouse, database), new MaintenanceLog(clickHouse, database),
                new WorkOrders(clickHouse, database));
    }
}
