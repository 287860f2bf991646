package org.cityvitals.dashboard.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.openapi.contract.OpenAPIContract;
import org.cityvitals.dashboard.DashboardConfig;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.auth.LoginGuard;
import org.cityvitals.dashboard.auth.UserDirectory;
import org.cityvitals.dashboard.feed.AlertActionPublisher;
import org.cityvitals.dashboard.feed.FeedStatus;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.store.ClickHouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description against the server that serves it: every operation is mounted and nothing else is, and
 * requests are refused as the description says. No broker or ClickHouse is needed: nothing here reaches them.
 */
@ExtendWith(VertxExtension.class)
class OpenApiContractTest {

    private HttpServerVerticle http;
    private AlertActionPublisher publisher;
    private WebClient client;

    @BeforeEach
    void deploy(Vertx vertx, VertxTestContext ctx) {
        DashboardConfig config = DashboardConfig.of("127.0.0.1:1", "jdbc:clickhouse://127.0.0.1:1/none").withPort(0);
        publisher = new AlertActionPublisher(config.kafkaBootstrap());
        http = new HttpServerVerticle(config, new Authenticator(vertx, UserDirectory.demo(), "test-secret",
                LoginGuard.standard()), new ClickHouse(config.clickHouseJdbcUrl()), publisher,
                IndicatorCatalogue.loadDefault(), new FeedStatus(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                null, null);
        client = WebClient.create(vertx);
        vertx.deployVerticle(http).onComplete(ctx.succeedingThenComplete());
    }

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void everyDescribedOperationIsMountedAndNothingElseIs(Vertx vertx, VertxTestContext ctx) {
        OpenAPIContract.from(vertx, HttpServerVerticle.CONTRACT).onComplete(ctx.succeeding(contract -> ctx.verify(() -> {
            Set<String> described = new TreeSet<>();
            contract.operations().forEach(op -> described.add(op.getHttpMethod() + " "
                    + op.getOpenAPIPath().replaceAll("\\{([^}]+)}", ":$1")));
            Set<String> mounted = new TreeSet<>();
            for (Route route : http.router().getRoutes()) {
                if (route.methods() != null && !route.methods().isEmpty() && route.getPath() != null) {
                    route.methods().forEach(m -> mounted.add(m + " " + route.getPath()));
                }
            }
            assertThat(mounted).containsExactlyElementsOf(described);
            assertThat(described).contains("POST /api/login", "GET /api/alerts/:alertId",
                    "POST /api/alerts/:alertId/actions", "GET /health", "GET /ready");
            ctx.completeNow();
        })));
    }

    @Test
    void aMissingTokenIs401BeforeAnyValidationAndABadBodyIs400NamingTheField(VertxTestContext ctx) {
        get("/api/history?indicator=").compose(noToken -> {
            ctx.verify(() -> {
                assertThat(noToken.statusCode()).isEqualTo(401);
                assertThat(noToken.bodyAsJsonObject().getString("error")).contains("Bearer");
            });
            return post("/api/login", new JsonObject().put("username", "ops"), null);
        }).compose(noPassword -> {
            ctx.verify(() -> {
                assertThat(noPassword.statusCode()).isEqualTo(400);
                assertThat(noPassword.bodyAsJsonObject().getString("error")).contains("password");
            });
            return post("/api/login", new JsonObject().put("username", "ops").put("password", "ops"), null);
        }).compose(login -> {
            String token = login.bodyAsJsonObject().getString("token");
            return post("/api/alerts/a-1/actions", new JsonObject().put("action", "ignore"), token);
        }).onComplete(ctx.succeeding(badAction -> ctx.verify(() -> {
            assertThat(badAction.statusCode()).isEqualTo(400);
            assertThat(badAction.bodyAsJsonObject().getString("error")).contains("action");
            ctx.completeNow();
        })));
    }

    @Test
    void pagesAndAnswersCarryTheSecurityHeadersAndTheDescriptionIsServed(VertxTestContext ctx) {
        get("/").compose(page -> {
            ctx.verify(() -> {
                assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'",
                        "frame-ancestors 'none'");
                assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
                assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
            });
            return get("/openapi.yaml");
        }).compose(description -> {
            ctx.verify(() -> assertThat(description.bodyAsString()).startsWith("openapi: 3.1.0"));
            return get("/api/demo-accounts");
        }).onComplete(ctx.succeeding(demo -> ctx.verify(() -> {
            assertThat(demo.statusCode()).isEqualTo(200);
            assertThat(demo.bodyAsJsonObject().getJsonArray("accounts").getJsonObject(0).getString("password"))
                    .isEqualTo("ops");
            ctx.completeNow();
        })));
    }

    @Test
    void backfillsAreForAdminsAndAServerWithoutARunnerSays501(VertxTestContext ctx) {
        JsonObject backfill = new JsonObject().put("arguments", new io.vertx.core.json.JsonArray()
                .add("--dataset").add("beijing-aq"));
        login("ops").compose(ops -> post("/api/admin/backfills", backfill, ops)).compose(asOps -> {
            ctx.verify(() -> assertThat(asOps.statusCode()).isEqualTo(403));
            return login("admin");
        }).compose(admin -> post("/api/admin/backfills", new JsonObject().put("arguments", "--max"), admin)
                .compose(notAList -> {
                    ctx.verify(() -> {
                        assertThat(notAList.statusCode()).isEqualTo(400);
                        assertThat(notAList.bodyAsJsonObject().getString("error")).contains("arguments");
                    });
                    return post("/api/admin/backfills", backfill, admin);
                })).onComplete(ctx.succeeding(noRunner -> ctx.verify(() -> {
                    assertThat(noRunner.statusCode()).isEqualTo(501);
                    assertThat(noRunner.bodyAsJsonObject().getString("error")).contains("./cityvitals replay");
                    ctx.completeNow();
                })));
    }

    private Future<String> login(String demoUser) {
        return post("/api/login", new JsonObject().put("username", demoUser).put("password", demoUser), null)
                .map(answer -> answer.bodyAsJsonObject().getString("token"));
    }

    private Future<HttpResponse<Buffer>> get(String uri) {
        return client.get(http.actualPort(), "127.0.0.1", uri).send();
    }

    private Future<HttpResponse<Buffer>> post(String uri, JsonObject body, String token) {
        var request = client.post(http.actualPort(), "127.0.0.1", uri);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.sendJsonObject(body);
    }
}
