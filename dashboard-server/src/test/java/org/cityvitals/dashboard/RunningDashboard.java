package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.UnaryOperator;

/**
 * A test class's dashboard server on the shared test stack, started before its tests and ready for screens (its Kafka
 * replay caught up), with the Vert.x it runs on and an HTTP client; closed after them. Register it with
 * {@code @RegisterExtension static final RunningDashboard dashboard = new RunningDashboard();}.
 */
final class RunningDashboard implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<DashboardConfig> configure;
    private TestStack stack;
    private Vertx vertx;
    private DashboardServer server;
    private WebClient http;

    RunningDashboard() {
        this(UnaryOperator.identity());
    }

    /** A server whose configuration is the stack's as {@code configure} changes it. */
    RunningDashboard(UnaryOperator<DashboardConfig> configure) {
        this.configure = configure;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        stack = TestStack.get();
        vertx = Vertx.vertx();
        server = TestStack.startReady(vertx, configure.apply(stack.config()));
        http = WebClient.create(vertx);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close().await();
        vertx.close().await();
    }

    TestStack stack() {
        return stack;
    }

    Vertx vertx() {
        return vertx;
    }

    DashboardServer server() {
        return server;
    }

    WebClient http() {
        return http;
    }

    /** A session token of the demo user {@code user}. */
    String token(String user) throws Exception {
        return DemoLogin.token(http, server.port(), user);
    }
}
