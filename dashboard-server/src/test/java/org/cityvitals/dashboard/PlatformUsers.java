package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates a test's users as the platform does after its bootstrap (a users file bootstraps only the first admin):
 * the demo {@code admin} puts them through {@code PUT /api/admin/users/{name}} on a server of the shared stack, before
 * the test starts the servers that need them (a duty roster is checked against the users at start).
 */
final class PlatformUsers {

    private PlatformUsers() {
    }

    /** The body of the request: the entry without its name, which is in the path. */
    private static JsonObject definition(JsonObject user) {
        JsonObject body = user.copy();
        body.remove("username");
        return body;
    }

    /** Creates (or replaces) each of {@code users}, users-file entries whose {@code password} is the plain one. */
    static void create(List<JsonObject> users) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            DashboardServer server = TestStack.startReady(vertx, TestStack.get().config());
            WebClient http = WebClient.create(vertx);
            String admin = DemoLogin.token(http, server.port(), "admin");
            for (JsonObject user : users) {
                HttpResponse<Buffer> response = http.put(server.port(), "127.0.0.1",
                                "/api/admin/users/" + user.getString("username"))
                        .bearerTokenAuthentication(admin).sendJsonObject(definition(user))
                        .await(10, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.bodyAsString()).isIn(200, 201);
            }
            server.close().await();
        } finally {
            vertx.close().await();
        }
    }
}
