package org.cityvitals.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs a demo user in over {@code POST /api/login} (a demo user's password is its name) for a session token. */
final class DemoLogin {

    private DemoLogin() {
    }

    static String token(WebClient http, int port, String user) throws Exception {
        HttpResponse<Buffer> response = http.post(port, "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", user).put("password", user))
                .await(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject().getString("token");
    }
}
