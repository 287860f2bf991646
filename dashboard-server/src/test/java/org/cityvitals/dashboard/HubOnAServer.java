package org.cityvitals.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.auth.LoginGuard;
import org.cityvitals.dashboard.auth.UserDirectory;
import org.cityvitals.dashboard.live.HubSettings;
import org.cityvitals.dashboard.live.LiveHub;
import org.cityvitals.dashboard.live.PushMeters;

import java.util.List;
import java.util.concurrent.TimeUnit;

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

    HubOnAServer(MeterRegistry meters) {
        this.meters = meters;
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

    LiveHub hub() {
        return hub;
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
