package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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

    /**
     * A user's definition as the admin API and a users file take it: {@code role} over one district (or {@code *})
     * of one city, their own name as display name; callers add duty or clearance with {@code put}.
     */
    static JsonObject user(String name, String password, String role, String city, String district) {
        return new JsonObject().put("username", name).put("password", password).put("role", role)
                .put("displayName", name).put("cities", new JsonArray().add(city))
                .put("districts", new JsonArray().add(district));
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
