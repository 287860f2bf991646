package org.cityvitals.dashboard.situation;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import org.cityvitals.dashboard.feed.AlertActionPublisher;
import org.cityvitals.dashboard.feed.Sequenced;
import org.cityvitals.dashboard.feed.SignalBus;
import org.cityvitals.dashboard.feed.StreamStart;
import org.cityvitals.dashboard.live.ScreenState;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.store.query.AlertQueries;
import org.cityvitals.store.query.DeliveryLog;
import org.cityvitals.store.query.ResponseTimes;
import org.cityvitals.store.situation.SituationResponse;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.store.situation.Delivery;
import org.cityvitals.store.situation.MaintenanceWindow;
import org.cityvitals.store.query.MaintenanceLog;
import org.cityvitals.indicators.city.CityProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Derives situations from the alert stream this instance already consumes (open alerts from ClickHouse, then the
 * Kafka replay and live records), pushes each change to the screens in scope, and escalates what nobody
 * acknowledged in time.
 *
 * <p>Two instances, one escalation: every instance derives the same situations and finds the same escalation due
 * with the same action id ({@link SituationIds#escalation}); each publishes it on {@code cv.alert-actions} (keyed by
 * the situation, so all land in one partition, in one order every instance reads alike) under its own name
 * {@code policy@<instance>}. The first record with that id is the escalation; later copies are ignored everywhere.
 * Only the instance whose record came first records it in ClickHouse and calls the webhook, so both happen once.
 * Nothing escalates before the replay has caught up, so a restarted instance sees what was already sent.
 */
public final class SituationVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(SituationVerticle.class);
    private static final String STORE_POOL = "cityvitals-store";
    /**
     * How often recorded alerts are turned into situations and changed situations go to the screens. A district's
     * situations are derived whole and pushed whole, so doing it per transition would cost a replay of thousands of
     * transitions in one district quadratic time and one large frame each; at most once per period instead, and no
     * frames during the start's replay, when no screen is connected yet (sockets wait for the catch-up).
     */
    private static final Duration PUSH_EVERY = Duration.ofMillis(250);

    private final SituationBook book;
    private final EscalationPlanner planner;
    private final DutyRoster roster;
    private final SituationView view;
    private final AlertActionPublisher publisher;
    private final AlertQueries alerts;
    private final DeliveryLog deliveries;
    private final ResponseTimes responseTimes;
    private final MaintenanceLog maintenanceLog;
    private final SituationSettings settings;
    /** What was last written to {@code situation_responses} per situation, so each change is written once. */
    private final Map<String, SituationResponse> responsesWritten = new HashMap<>();
    private final String instance = "policy@" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> sending = new HashSet<>();
    /** Frames waiting for the next push, the newest per situation: a burst of alerts becomes one frame each. */
    private final Map<String, ScreenState> pending = new LinkedHashMap<>();
    private WorkerExecutor store;
    private WebhookNotifier webhook;
    private boolean caughtUp;
    private ResponseIndicatorWriter responseIndicators;
    /** Whether a window of response-time indicators is being written: one at a time, oldest first. */
    private boolean writingResponseIndicators;

    public SituationVerticle(SituationBook book, EscalationPlanner planner, DutyRoster roster, SituationView view,
                             AlertActionPublisher publisher, SituationStores stores, SituationSettings settings) {
        this.book = book;
        this.planner = planner;
        this.roster = roster;
        this.view = view;
        this.publisher = publisher;
        this.alerts = stores.alerts();
        this.deliveries = stores.deliveries();
        this.responseTimes = stores.responseTimes();
        this.maintenanceLog = stores.maintenance();
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        store = vertx.createSharedWorkerExecutor(STORE_POOL, 4);
        Clock clock = settings.clock();
        webhook = settings.webhook() == null ? null
                : new WebhookNotifier(vertx, settings.webhook(), clock, this::logDelivery);
        var bus = vertx.eventBus();
        bus.<AlertEvent>localConsumer(SignalBus.STORED_ALERTS, m -> book.record(m.body()));
        bus.<Sequenced>localConsumer(SignalBus.ALERT_STREAM, m -> onStream(m.body()));
        bus.<StreamStart>localConsumer(SignalBus.STREAM_START, m -> caughtUp = m.body().caughtUp());
        bus.<MaintenanceWindow>localConsumer(SignalBus.MAINTENANCE, m -> announce(List.of(m.body())));
        responseIndicators = new ResponseIndicatorWriter(view.responseIndicators(), responseTimes);
        vertx.setPeriodic(PUSH_EVERY.toMillis(), id -> flush());
        vertx.setPeriodic(settings.maintenanceRefresh().toMillis(), id -> readMaintenance(clock));
        // the ticks start once the writer knows where the last instance stopped writing
        return readMaintenance(clock).compose(read -> resumeResponseIndicators(clock))
                .onSuccess(resumed -> vertx.setPeriodic(settings.tick().toMillis(), id -> {
                    escalateDue(clock.instant());
                    writeResponseIndicators(clock.instant());
                }));
    }

    /**
     * Reads the newest response-time window written, so that the windows closed while no instance ran are written
     * too. A failed read is logged and the writer starts from the last window closed, as on a first start.
     */
    private Future<Void> resumeResponseIndicators(Clock clock) {
        Instant now = clock.instant();
        return store.executeBlocking(() -> responseIndicators.newestWritten(now), false)
                .onSuccess(newest -> responseIndicators.resumeAfter(newest, now))
                .onFailure(e -> LOG.warn("newest response-time window not read, writing from the last closed: {}",
                        e.getMessage()))
                .<Void>mapEmpty().recover(e -> Future.succeededFuture());
    }

    /**
     * Reads the windows that have not ended from ClickHouse: those other instances recorded reach this one so.
     * A failed read keeps the windows known and is tried again at the next refresh.
     */
    private Future<Void> readMaintenance(Clock clock) {
        Instant since = clock.instant().minus(SituationBook.KEEP_RESOLVED);
        return store.executeBlocking(() -> maintenanceLog.endingAfter(since), false)
                .onSuccess(this::maintenanceChanged)
                .onFailure(e -> LOG.warn("maintenance windows not read, keeping those known: {}", e.getMessage()))
                .<Void>mapEmpty().recover(e -> Future.succeededFuture());
    }

    /** Takes windows read from ClickHouse in, announcing those new or changed. */
    private void maintenanceChanged(List<MaintenanceWindow> windows) {
        announce(windows.stream().filter(view.maintenance()::apply).toList());
    }

    /**
     * Windows new or changed (read here, or declared through this instance's API, which took them in already):
     * members are checked against them again and the screens told.
     */
    private void announce(List<MaintenanceWindow> news) {
        if (news.isEmpty()) {
            return;
        }
        book.recheckMaintenance();
        news.forEach(w -> push(new ScreenState("maintenance|" + w.windowId(),
                CityProfiles.isCityCode(w.area()) ? null : w.area(), SituationIds.dataClass(),
                new Announced("maintenance", w), null)));
    }

    /** A frame {@code maintenance}: planned work declared or changed, for the screens of its area. */
    record Announced(String type, MaintenanceWindow window) {}

    @Override
    public Future<?> stop() {
        if (webhook != null) {
            webhook.close();
        }
        return Future.succeededFuture();
    }

    private void onStream(Sequenced record) {
        if (record.signal() instanceof AlertEvent alert) {
            book.record(alert);
        } else if (record.signal() instanceof AlertAction action && SituationIds.isSituation(action.alertId())) {
            boolean first = !book.hasAction(action.alertId(), action.actionId());
            book.record(action);
            changed(book.settle());
            sending.remove(action.actionId());
            if (first && action.kind() == AlertActionKind.ESCALATE && action.user().equals(instance)) {
                deliver(action);
            }
        }
    }

    private void changed(SituationBook.Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        changes.withdrawn().forEach(id -> view.find(id).ifPresent(old -> push(new ScreenState(screenKey(id),
                old.district(), SituationIds.classOf(old), new Withdrawn(id, mergedInto(old)), null))));
        view.apply(changes);
        changes.withdrawn().forEach(responsesWritten::remove);
        changes.changed().forEach(s -> push(frame(s)));
        changes.changed().forEach(this::recordResponse);
    }

    /**
     * Writes the situation's response row once a person acknowledged, dispatched or resolved it, and again when that
     * changes.
     * Every instance writes the same row (same key and version), which ClickHouse folds into one.
     */
    private void recordResponse(Situation s) {
        if (s.acknowledged() == null && s.dispatched() == null && s.resolved() == null) {
            return;
        }
        SituationResponse row = new SituationResponse(s.id(), s.district(), s.hazard(), WireNames.of(s.level()),
                s.openedAt(), actedAt(s.acknowledged()), actedAt(s.dispatched()),
                s.resolved() == null ? null : s.resolved().at(), s.resolved() == null ? null : s.resolved().cause(),
                s.timeline().size());
        if (row.equals(responsesWritten.put(s.id(), row))) {
            return;
        }
        store.executeBlocking(() -> {
            responseTimes.record(row);
            return null;
        }, false).onFailure(e -> LOG.warn("response times of {} not recorded: {}", s.id(), e.getMessage()));
    }

    private static Instant actedAt(AlertAction action) {
        return action == null ? null : action.actedAt();
    }

    /** The situation that took a withdrawn one's members over, when there is one. */
    private String mergedInto(Situation old) {
        return old.alertIds().stream().map(a -> book.all().stream().filter(s -> s.alertIds().contains(a))
                .findFirst()).flatMap(Optional::stream).map(Situation::id).findFirst().orElse(null);
    }

    /**
     * A frame {@code situation}: the situation after a change with its {@link #ON_SCREEN} newest members and timeline
     * entries, and how many there are ({@code GET /api/situations/{id}} has them all). Bounded because it goes to
     * every screen of the district four times a second: a situation of 2,000 alerts sent whole took the screens'
     * bandwidth from the alerts themselves.
     */
    record Changed(String type, Situation situation, int memberCount, int timelineCount) {
        static final int ON_SCREEN = 50;

        static Changed of(Situation s) {
            return new Changed("situation", s.newest(ON_SCREEN), s.members().size(), s.timeline().size());
        }
    }

    /**
     * What the screens are pushed of a situation after a change: sessions not cleared for its class get nothing, and
     * those that were sent it while its class was lower get its withdrawal.
     */
    static ScreenState frame(Situation s) {
        return new ScreenState(screenKey(s.id()), s.district(), SituationIds.classOf(s), Changed.of(s),
                new Withdrawn(s.id(), null));
    }

    private static String screenKey(String situationId) {
        return "situation|" + situationId;
    }

    /**
     * A frame {@code situationWithdrawn}: its members moved into {@code mergedInto}, or it is gone from this screen
     * (forgotten, or now of a class the screen is not cleared for) when that is null.
     */
    record Withdrawn(String type, String id, String mergedInto) {
        Withdrawn(String id, String mergedInto) {
            this("situationWithdrawn", id, mergedInto);
        }
    }

    private void push(ScreenState state) {
        pending.put(state.key(), state);
    }

    private void flush() {
        changed(book.settle());
        if (caughtUp) {
            pending.values().forEach(state -> vertx.eventBus().publish(SignalBus.SCREEN_STATE, state));
        }
        pending.clear();
    }

    private void escalateDue(Instant now) {
        if (!caughtUp) {
            return;
        }
        changed(book.settle());
        for (Situation s : book.all()) {
            for (Escalation e : planner.due(s, now, (situation, action) -> book.hasAction(situation, action)
                    || sending.contains(action))) {
                sending.add(e.actionId());
                AlertAction action = new AlertAction(e.actionId(), e.situationId(), e.district(),
                        AlertActionKind.ESCALATE, instance, roster.onDuty(e.duty(), e.district(), e.dueAt())
                        .orElse(e.duty()), null, note(e), now);
                store.executeBlocking(() -> {
                    publisher.publish(action);
                    return null;
                }, false).onFailure(failed -> {
                    sending.remove(e.actionId()); // found due again on the next tick
                    LOG.warn("escalation {} not published, retrying: {}", e.actionId(), failed.getMessage());
                });
            }
        }
    }

    /**
     * Writes the response-time indicators of the windows closed by {@code now}, oldest first; a window whose write
     * failed is tried again at the next tick.
     */
    private void writeResponseIndicators(Instant now) {
        responseIndicators.collect(now);
        if (writingResponseIndicators) {
            return;
        }
        responseIndicators.oldestDue().ifPresent(window -> {
            writingResponseIndicators = true;
            store.executeBlocking(() -> responseIndicators.write(window), false)
                    .onSuccess(values -> responseIndicators.written(window))
                    .onFailure(e -> LOG.warn("response-time indicators of the window from {} not written, retrying: {}",
                            window.start(), e.getMessage()))
                    .onComplete(done -> writingResponseIndicators = false);
        });
    }

    private static String note(Escalation e) {
        return e.isReminder() ? "reminder " + e.reminder() + " to " + e.duty() + ": acknowledged, not resolved"
                : "step " + e.step() + " to " + e.duty() + ": not acknowledged by " + e.dueAt();
    }

    /** This instance's escalation came first: it is the one recorded and sent beyond the screens. */
    private void deliver(AlertAction escalation) {
        store.executeBlocking(() -> {
            alerts.record(escalation);
            return null;
        }, false).onFailure(e -> LOG.warn("escalation {} not recorded in ClickHouse: {}", escalation.actionId(),
                e.getMessage()));
        Situation situation = book.find(escalation.alertId()).orElse(null);
        if (webhook != null && situation != null) {
            webhook.send(situation, escalation).onFailure(e -> LOG.warn("{}", e.getMessage()));
        }
    }

    private void logDelivery(Delivery delivery) {
        store.executeBlocking(() -> {
            deliveries.record(delivery);
            return null;
        }, false).onFailure(e -> LOG.warn("delivery {} attempt {} not logged: {}", delivery.deliveryId(),
                delivery.attempt(), e.getMessage()));
    }
}
