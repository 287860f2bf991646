package org.cityvitals.dashboard.feed;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.cityvitals.indicators.signal.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * On start, publishes the alerts ClickHouse knows to be open, so a screen shows alerts opened long before the Kafka
 * catch-up window. A failed load is reported in {@code /health} but does not stop the server: the live stream
 * still brings every new transition.
 */
public final class OpenAlertsCatchUpVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAlertsCatchUpVerticle.class);

    private final SignalStore store;
    private final FeedStatus status;

    public OpenAlertsCatchUpVerticle(SignalStore store, FeedStatus status) {
        this.store = store;
        this.status = status;
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(store::openAlerts)
                .onSuccess(this::publish)
                .recover(e -> {
                    LOG.warn("could not load open alerts from ClickHouse; showing only new ones: {}", e.toString());
                    status.openAlertsLoad("failed: " + e.getMessage());
                    return Future.succeededFuture();
                });
    }

    private void publish(List<AlertEvent> open) {
        open.forEach(a -> vertx.eventBus().publish(SignalBus.ALERTS, a));
        status.openAlertsLoad("loaded " + open.size());
        LOG.info("loaded {} open alerts from ClickHouse", open.size());
    }
}
