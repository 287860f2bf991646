package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.cityvitals.dashboard.auth.PasswordHash;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A users file bootstraps only the first admin (issue: "the users file only bootstraps the first admin"): on a store
 * with no user, of a file listing an operator, then two admins, only the first admin is written, and audited as
 * the bootstrap's; everyone else comes from that admin through the API; a later file with a new admin changes
 * nothing once the store has an admin. Its own database, migrated here, so no other test's users are in it.
 */
class UsersBootstrapIT {

    private static final String PASSWORD = "bootstrap-password";
    private static final String DATABASE = "boot_" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static WebClient http;

    @BeforeAll
    static void migrate() throws Exception {
        TestStack stack = TestStack.get();
        new SchemaMigrator(new ClickHouse(stack.clickHouseServer.jdbcUrl("default")), DATABASE).migrate();
        vertx = Vertx.vertx();
        http = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void onlyTheFilesFirstAdminIsWrittenAndOnlyWhileTheStoreHasNoAdmin() throws Exception {
        String hash = PasswordHash.hash(PASSWORD);
        DashboardServer first = start("first.json", List.of(user("boot-operator", "operator", hash),
                user("boot-admin", "admin", hash), user("boot-second-admin", "admin", hash)));
        try {
            String admin = login(first, "boot-admin", 200);
            login(first, "boot-operator", 401);
            login(first, "boot-second-admin", 401);
            assertThat(usernames(first, admin)).containsExactly("boot-admin");
            JsonObject bootstrapped = audit(first, admin).stream().map(e -> (JsonObject) e)
                    .filter(e -> e.getString("action").equals("user_created")).findFirst().orElseThrow();
            assertThat(bootstrapped.getString("actor")).isEqualTo("bootstrap");
            assertThat(bootstrapped.getString("target")).isEqualTo("boot-admin");

            // every other user comes from the admin
            JsonObject operator = user("boot-operator", "operator", PASSWORD);
            operator.remove("username");
            int created = http.put(first.port(), "127.0.0.1", "/api/admin/users/boot-operator")
                    .bearerTokenAuthentication(admin)
                    .sendJsonObject(operator).await(10, TimeUnit.SECONDS)
                    .statusCode();
            assertThat(created).isEqualTo(201);
            login(first, "boot-operator", 200);
        } finally {
            first.close().await();
        }

        DashboardServer second = start("second.json", List.of(user("boot-new-admin", "admin", hash)));
        try {
            login(second, "boot-new-admin", 401);
            String admin = login(second, "boot-admin", 200);
            assertThat(usernames(second, admin)).containsExactly("boot-admin", "boot-operator");
        } finally {
            second.close().await();
        }
    }

    private static DashboardServer start(String fileName, List<JsonObject> users) throws Exception {
        Path file = dir.resolve(fileName);
        Files.writeString(file, new JsonArray(users).encodePrettily());
        TestStack stack = TestStack.get();
        DashboardConfig shared = stack.config();
        DashboardConfig config = new DashboardConfig(shared.host(), 0, shared.kafkaBootstrap(),
                stack.clickHouseServer.jdbcUrl(DATABASE), DATABASE, file, false, "bootstrap-it", shared.catchUp(),
                shared.limits(), null, shared.clock());
        return TestStack.startReady(vertx, config);
    }

    /** A users-file entry; admins are cleared for sensitive data, as the audit log needs. */
    private static JsonObject user(String name, String role, String password) {
        return PlatformUsers.user(name, password, role, "shanghai", "*")
                .put("clearance", role.equals("admin") ? "sensitive" : "internal");
    }

    private static String login(DashboardServer server, String user, int expected) throws Exception {
        var answer = http.post(server.port(), "127.0.0.1", "/api/login")
                .sendJsonObject(new JsonObject().put("username", user).put("password", PASSWORD))
                .await(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(user + ": " + answer.bodyAsString()).isEqualTo(expected);
        return expected == 200 ? answer.bodyAsJsonObject().getString("token") : null;
    }

    private static List<String> usernames(DashboardServer server, String token) throws Exception {
        return http.get(server.port(), "127.0.0.1", "/api/admin/users").bearerTokenAuthentication(token).send()
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getJsonArray("users").stream()
                .map(u -> ((JsonObject) u).getString("username")).toList();
    }

    private static JsonArray audit(DashboardServer server, String token) throws Exception {
        return http.get(server.port(), "127.0.0.1", "/api/admin/audit").bearerTokenAuthentication(token).send()
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getJsonArray("entries");
    }
}
