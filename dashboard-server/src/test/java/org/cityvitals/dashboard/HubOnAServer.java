package org.cityvitals.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.auth.LoginGuard;
import org.cityvitals.dashboard.auth.UserDirectory;
import org.cityvitals.dashboard.feed.SignalBus;
import org.cityvitals.dashboard.feed.StreamStart;
import org.cityvitals.dashboard.live.HubSettings;
import org.cityvitals.dashboard.live.LiveHub;
import org.cityvitals.dashboard.live.PushMeters;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live hub and a server for {@code /ws} on one event loop, as in the dashboard's HTTP verticle, with the demo
 * accounts and no broker: tests publish signals on the event bus as the Kafka verticle does.
 */
final class HubOnAServer extends VerticleBase {

    private final MeterRegistry meters;
    private Authenticator auth;
    private LiveHub hub;
    private Context context;
    private int port;

    private HubOnAServer(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * A hub on a server deployed on {@code vertx}, with the signal codecs registered and the alert stream started,
     * as the Kafka verticle starts it once caught up. {@code prepare} runs on the hub's loop before the stream starts.
     */
    static HubOnAServer deployed(Vertx vertx, MeterRegistry meters, Consumer<LiveHub> prepare) throws Exception {
        SignalBus.registerCodecs(vertx);
        HubOnAServer server = new HubOnAServer(meters);
        vertx.deployVerticle(server).await(30, TimeUnit.SECONDS);
        Promise<Void> prepared = Promise.promise();
        server.onItsLoop(v -> {
            prepare.accept(server.hub);
            prepared.complete();
        });
        prepared.future().await(10, TimeUnit.SECONDS);
        vertx.eventBus().publish(SignalBus.STREAM_START, new StreamStart(Map.of("a0", 0L), true));
        return server;
    }

    @Override
    public Future<?> start() {
        context = vertx.getOrCreateContext();
        auth = new Authenticator(vertx, UserDirectory.demo(), "a test secret of thirty-two bytes!",
                LoginGuard.standard());
        hub = new LiveHub(vertx, auth, new HubSettings(100, 100, 10), since -> Future.succeededFuture(List.of()),
                new PushMeters(meters), (user, detail) -> { });
        hub.start();
        return vertx.createHttpServer().webSocketHandler(hub::accept).listen(0, "127.0.0.1")
                .onSuccess(server -> port = server.actualPort());
    }

    /** Runs {@code task} on the hub's own event loop, which owns its state. */
    void onItsLoop(Handler<Void> task) {
        context.runOnContext(task);
    }

    private Future<Boolean> readyOnItsLoop() {
        Promise<Boolean> ready = Promise.promise();
        onItsLoop(v -> ready.complete(hub.ready()));
        return ready.future();
    }

    /** A screen logged in as the demo account {@code username}, once the hub accepts screens. */
    WsProbe screen(String username) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!readyOnItsLoop().await(10, TimeUnit.SECONDS)) {
            assertThat(System.nanoTime()).as("hub ready").isLessThan(deadline);
            Thread.sleep(20);
        }
        Authenticator.Outcome outcome = auth.login(username, username, "127.0.0.1").await(30, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(Authenticator.LoggedIn.class);
        return WsProbe.open(vertx, port, ((Authenticator.LoggedIn) outcome).token());
    }
}
