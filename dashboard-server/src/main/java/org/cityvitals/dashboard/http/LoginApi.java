package org.cityvitals.dashboard.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.auth.Authenticator;
import org.cityvitals.dashboard.auth.UserDirectory;
import org.cityvitals.dashboard.live.LiveHub;

/**
 * Logging in and out: {@code POST /api/login} (429 with {@code Retry-After} while a name or address is locked out),
 * {@code POST /api/logout} (revokes the token and closes its sockets), and {@code GET /api/demo-accounts}, which
 * lists the demo accounts for the demo's login page and does not exist outside the demo.
 */
record LoginApi(Authenticator auth, LiveHub hub) {

    void mount(RouterBuilder api) {
        api.getRoute("login").addHandler(this::login);
        api.getRoute("logout").addHandler(ctx -> {
            Authenticator.Verified token = Caller.token(ctx);
            auth.revoke(token);
            hub.revoke(token.tokenId());
            ctx.response().setStatusCode(204).end();
        });
        api.getRoute("demoAccounts").addHandler(this::demoAccounts);
    }

    private void login(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String address = ctx.request().remoteAddress().hostAddress();
        auth.login(body.getString("username"), body.getString("password"), address).onComplete(outcome -> {
            if (outcome.failed()) {
                ctx.fail(outcome.cause());
                return;
            }
            Authenticator.Outcome result = outcome.result();
            if (result instanceof Authenticator.LoggedIn in) {
                Answers.json(ctx, new JsonObject().put("token", in.token()).put("user", RestApi.me(in.user())));
            } else if (result instanceof Authenticator.Locked locked) {
                long seconds = Math.max(1, locked.retryAfter().toSeconds());
                ctx.response().putHeader("Retry-After", Long.toString(seconds));
                Answers.error(ctx, 429, "too many failed logins for this user or address; try again in "
                        + seconds + " s");
            } else {
                Answers.error(ctx, 401, "unknown user or wrong password");
            }
        });
    }

    private void demoAccounts(RoutingContext ctx) {
        var accounts = auth.users().demoAccounts();
        if (accounts.isEmpty()) {
            Answers.error(ctx, 404, "there are no demo accounts outside the demo");
            return;
        }
        JsonArray list = new JsonArray();
        for (UserDirectory.DemoAccount a : accounts) {
            list.add(new JsonObject().put("username", a.username()).put("password", a.password())
                    .put("displayName", a.displayName()).put("role", a.role()));
        }
        Answers.json(ctx, new JsonObject().put("accounts", list));
    }
}
