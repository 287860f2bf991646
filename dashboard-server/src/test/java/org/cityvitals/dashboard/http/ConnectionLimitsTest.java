package org.cityvitals.dashboard.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-address cap on a real Vert.x server, with WebSockets as the screens open them. */
class ConnectionLimitsTest {

    private static final int PER_ADDRESS = 2;

    private Vertx vertx;
    private HttpServer server;
    private WebSocketClient client;

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        ConnectionLimits limits = new ConnectionLimits(100, PER_ADDRESS);
        server = vertx.createHttpServer()
                .connectionHandler(limits::accept)
                .webSocketHandler(socket -> {
                    limits.upgraded(socket);
                    socket.closeHandler(v -> { }); // the hub sets its own: the cap must not depend on it
                })
                .requestHandler(request -> request.response().end())
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        client = vertx.createWebSocketClient();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void closedWebSocketsNoLongerCountAgainstTheAddress() throws Exception {
        for (int i = 0; i < 3 * PER_ADDRESS; i++) {
            WebSocket socket = open();
            socket.close().await(10, TimeUnit.SECONDS);
            awaitServerNoticed();
        }
        List<WebSocket> atTheCap = new ArrayList<>();
        for (int i = 0; i < PER_ADDRESS; i++) {
            atTheCap.add(open());
        }
        assertThat(atTheCap).allMatch(s -> !s.isClosed());
    }

    @Test
    void aConnectionBeyondTheCapIsRefusedWhileTheOthersAreOpen() throws Exception {
        for (int i = 0; i < PER_ADDRESS; i++) {
            open();
        }
        assertThatThrownBy(this::open).hasMessageContaining("closed");
    }

    private WebSocket open() throws Exception {
        return client.connect(server.actualPort(), "127.0.0.1", "/ws").await(10, TimeUnit.SECONDS);
    }

    /** The close reaches the server a moment after the client's close completes. */
    private static void awaitServerNoticed() throws InterruptedException {
        Thread.sleep(100);
    }
}
