package org.cityvitals.dashboard.http;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.cityvitals.dashboard.auth.Accounts;
import org.cityvitals.dashboard.auth.PasswordHash;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.access.UsersFile;

import java.util.Comparator;
import java.util.Optional;

/**
 * Users, roles, scopes, clearance and duty in one model, managed by admins ({@code manage_users}):
 * {@code GET /api/admin/users}, {@code PUT /api/admin/users/{username}} (create or replace; a password only when it
 * changes) and {@code DELETE /api/admin/users/{username}}. Every change is in the audit log, without the password.
 * Without a user store (a server started with none) every one of them answers 501.
 *
 * @param accounts null when this server has no user store
 */
record UsersApi(Accounts accounts, Audit audit, WorkerExecutor store) {

    void mount(RouterBuilder api) {
        api.getRoute("users").addHandler(whenAllowed(ctx -> Answers.json(ctx, new JsonObject()
                .put("users", new JsonArray(accounts.directory().all().values().stream()
                        .sorted(Comparator.comparing(PlatformUser::username)).map(RestApi::me)
                        .toList())))));
        api.getRoute("putUser").addHandler(whenAllowed(this::put));
        api.getRoute("removeUser").addHandler(whenAllowed(this::remove));
    }

    /** For admins, on a server with a user store. */
    private Handler<RoutingContext> whenAllowed(Handler<RoutingContext> then) {
        return Caller.requiring(Permission.MANAGE_USERS, ctx -> {
            if (accounts == null) {
                Answers.error(ctx, 501, "this server was started without a user store");
            } else {
                then.handle(ctx);
            }
        });
    }

    private void put(RoutingContext ctx) {
        String username = ctx.pathParam("username");
        JsonObject body = ctx.body().asJsonObject();
        String password = body.getString("password");
        Optional<PlatformUser> existing = accounts.directory().find(username);
        if (password == null && existing.isEmpty()) {
            Answers.error(ctx, 400, "user " + username + " is new: give a password");
            return;
        }
        String admin = Caller.of(ctx).username();
        store.executeBlocking(() -> {
            String hash = password == null ? existing.get().passwordHash() : PasswordHash.hash(password);
            JsonObject entry = body.copy().put("username", username).put("password", hash);
            PlatformUser user = UsersFile.parseEntry(entry.encode(), "user " + username);
            accounts.put(user, admin);
            return user;
        }, false).onComplete(done -> {
            if (done.failed()) {
                boolean invalid = done.cause() instanceof IllegalArgumentException;
                Answers.error(ctx, invalid ? 400 : 503, done.cause().getMessage());
                return;
            }
            PlatformUser user = done.result();
            audit.record(ctx, existing.isEmpty() ? "user_created" : "user_changed", username, described(user)
                    + (password == null ? "" : "; password set"));
            Answers.json(ctx, existing.isEmpty() ? 201 : 200, RestApi.me(user));
        });
    }

    private void remove(RoutingContext ctx) {
        String username = ctx.pathParam("username");
        if (accounts.directory().find(username).isEmpty()) {
            Answers.error(ctx, 404, "no user " + username);
            return;
        }
        String admin = Caller.of(ctx).username();
        if (admin.equals(username)) {
            Answers.error(ctx, 409, "an admin cannot remove themselves: another admin must");
            return;
        }
        store.executeBlocking(() -> {
            accounts.remove(username, admin);
            return null;
        }, false).onComplete(done -> {
            if (done.failed()) {
                Answers.error(ctx, 503, "user " + username + " was not removed: " + done.cause().getMessage());
                return;
            }
            audit.record(ctx, "user_removed", username, "");
            ctx.response().setStatusCode(204).end();
        });
    }

    /** What the audit log says of a user: everything but the password. */
    private static String described(PlatformUser user) {
        JsonObject described = RestApi.me(user);
        described.remove("permissions"); // the role's, printed in docs/ACCESS.md
        return described.encode();
    }
}
