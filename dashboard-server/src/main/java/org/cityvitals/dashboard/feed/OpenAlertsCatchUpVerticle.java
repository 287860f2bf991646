package org.cityvitals.dashboard.feed;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.store.query.AlertQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * On start, publishes the alerts ClickHouse knows to be open and then what people did with them, so a screen shows
 * alerts opened long before the Kafka catch-up window, and who acknowledged or was assigned them. A failed load is
 * reported in {@code /health} but does not stop the server: the live stream still brings every new transition.
 */
public final class OpenAlertsCatchUpVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAlertsCatchUpVerticle.class);

    private final AlertQueries store;
    private final FeedStatus status;

    public OpenAlertsCatchUpVerticle(AlertQueries store, FeedStatus status) {
        this.store = store;
        this.status = status;
    }

    private record Loaded(List<AlertEvent> open, List<AlertAction> actions) {}

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> new Loaded(store.openAlerts(), store.actionsOnOpenAlerts()))
                .onSuccess(this::publish)
                .recover(e -> {
                    LOG.warn("could not load open alerts from ClickHouse; showing only new ones: {}", e.toString());
                    status.openAlertsLoad("failed: " + e.getMessage());
                    return Future.succeededFuture();
                });
    }

    /** Alerts first: the live view keeps actions only for alerts it knows to be open. */
    private void publish(Loaded loaded) {
        loaded.open().forEach(a -> vertx.eventBus().publish(SignalBus.STORED_ALERTS, a));
        loaded.actions().forEach(a -> vertx.eventBus().publish(SignalBus.STORED_ACTIONS, a));
        status.openAlertsLoad("loaded " + loaded.open().size() + " with " + loaded.actions().size() + " actions");
        LOG.info("loaded {} open alerts and {} actions on them from ClickHouse", loaded.open().size(),
                loaded.actions().size());
    }
}
