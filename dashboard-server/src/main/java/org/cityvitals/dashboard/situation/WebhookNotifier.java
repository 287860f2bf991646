package org.cityvitals.dashboard.situation;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.store.situation.Delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends an escalation to a webhook (an SMS or messaging gateway plugs in there): a JSON POST signed with
 * {@link WebhookSignature}, retried with doubling waits while the receiver fails or does not answer, each attempt
 * handed to the delivery log. Vert.x's own HTTP client, so no thread waits on a slow receiver.
 *
 * <p>A webhook is declared with the highest class of data its receiver is cleared for (docs/GOVERNANCE.md). A
 * situation of a higher class ({@link SituationIds#classOf}) is never sent to it, not even in part: nothing of a
 * situation is open, and a shortened message would still say where something happened. The escalation is then
 * withheld, counted on {@link #withheld()} and logged by its id only.
 */
public final class WebhookNotifier {

    /** Header naming the notification (the escalation's action id): the same on a retry, so receivers dedupe. */
    public static final String DELIVERY_HEADER = "X-CityVitals-Delivery";
    public static final String ATTEMPT_HEADER = "X-CityVitals-Attempt";
    static final String CHANNEL = "webhook";

    /**
     * Where to, the shared secret, how often to try, the first wait (doubled after every failure), and the highest
     * class of data the receiver is cleared for.
     */
    public record Settings(String url, byte[] secret, int maxAttempts, Duration firstRetry, Duration timeout,
                           Clearance clearance) {
        public Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            Objects.requireNonNull(clearance, "clearance: the class of data the webhook's receiver is cleared for");
        }

        public static Settings of(String url, byte[] secret, Clearance clearance) {
            return new Settings(url, secret, 5, Duration.ofSeconds(2), Duration.ofSeconds(10), clearance);
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final Settings settings;
    private final Clock clock;
    private final Consumer<Delivery> log;
    private final AtomicLong withheld = new AtomicLong();

    public WebhookNotifier(Vertx vertx, Settings settings, Clock clock, Consumer<Delivery> log) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient();
        this.settings = settings;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Delivers the escalation of {@code situation}; completes when delivered or given up (then failed), or at once,
     * failed, when the situation is above the webhook's clearance.
     */
    public Future<Void> send(Situation situation, AlertAction escalation) {
        Clearance dataClass = SituationIds.classOf(situation);
        if (!settings.clearance().covers(dataClass)) {
            withheld.incrementAndGet();
            return Future.failedFuture("escalation " + escalation.actionId() + " withheld from the webhook: the "
                    + "situation is " + WireNames.of(dataClass) + " data and the webhook is cleared for "
                    + WireNames.of(settings.clearance()));
        }
        Promise<Void> done = Promise.promise();
        attempt(situation, escalation, 1, settings.firstRetry(), done);
        return done.future();
    }

    private void attempt(Situation situation, AlertAction escalation, int attempt, Duration wait, Promise<Void> done) {
        byte[] body = payload(situation, escalation).encode().getBytes(StandardCharsets.UTF_8);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(settings.url())
                .setTimeout(settings.timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader(WebhookSignature.HEADER, WebhookSignature.sign(settings.secret(), body))
                .putHeader(DELIVERY_HEADER, escalation.actionId())
                .putHeader(ATTEMPT_HEADER, Integer.toString(attempt));
        client.request(options).compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(answer -> {
                    int status = answer.succeeded() ? answer.result() : 0;
                    boolean delivered = status >= 200 && status < 300;
                    boolean last = attempt >= settings.maxAttempts();
                    String error = delivered ? "" : answer.failed() ? String.valueOf(answer.cause().getMessage())
                            : "HTTP " + status;
                    log.accept(new Delivery(escalation.actionId(), attempt, situation.id(), situation.district(),
                            CHANNEL, escalation.assignee(), settings.url(),
                            delivered ? "delivered" : last ? "gave_up" : "failed", status, error, clock.instant()));
                    if (delivered) {
                        done.complete();
                    } else if (last) {
                        done.fail("gave up on " + escalation.actionId() + " after " + attempt + " attempts: " + error);
                    } else {
                        vertx.setTimer(wait.toMillis(), id -> attempt(situation, escalation, attempt + 1,
                                wait.multipliedBy(2), done));
                    }
                });
    }

    /** What the receiver gets: the notification, the situation and the escalation step, in both languages. */
    static JsonObject payload(Situation s, AlertAction escalation) {
        return new JsonObject()
                .put("deliveryId", escalation.actionId())
                .put("sentAt", escalation.actedAt().toString())
                .put("recipient", escalation.assignee())
                .put("note", escalation.note())
                .put("situation", new JsonObject().put("id", s.id()).put("district", s.district())
                        .put("hazard", s.hazard()).put("level", WireNames.of(s.level()))
                        .put("title", new JsonObject().put("zh", s.title().zh()).put("en", s.title().en()))
                        .put("openedAt", s.openedAt().toString())
                        .put("alertIds", new JsonArray(s.alertIds())));
    }

    /** Escalations not sent because their situation is above the webhook's clearance. */
    public long withheld() {
        return withheld.get();
    }

    public void close() {
        client.close();
    }
}
