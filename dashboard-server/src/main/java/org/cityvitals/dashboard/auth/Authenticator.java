package org.cityvitals.dashboard.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Checks passwords, issues login tokens (HS256 JWT carrying only the username) and turns tokens back into users. */
public final class Authenticator {

    private static final int TOKEN_HOURS = 12;

    private final Vertx vertx;
    private final UserDirectory users;
    private final JWTAuth jwt;

    public Authenticator(Vertx vertx, UserDirectory users, String secret) {
        this.vertx = vertx;
        this.users = users;
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
                .setAlgorithm("HS256").setBuffer(secret == null ? randomSecret() : secret)));
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public JWTAuth jwt() {
        return jwt;
    }

    public UserDirectory users() {
        return users;
    }

    /** A successful login: the token to present from now on, and who it belongs to. */
    public record Login(String token, DashboardUser user) {}

    /** A login when the password matches, empty otherwise. Hashing runs off the event loop. */
    public Future<Optional<Login>> login(String username, String password) {
        return vertx.executeBlocking(() -> users.find(username)
                .filter(u -> PasswordHash.matches(password, u.passwordHash()))
                .map(u -> new Login(jwt.generateToken(new JsonObject().put("sub", u.username()),
                        new JWTOptions().setExpiresInMinutes(TOKEN_HOURS * 60)), u)));
    }

    /** The user a token names; fails when the token is invalid or expired, or the user no longer exists. */
    public Future<DashboardUser> verify(String token) {
        return verifyUntil(token).map(Verified::user);
    }

    /** A verified token: whose it is and until when it is valid. */
    public record Verified(DashboardUser user, Instant expiresAt) {}

    /** Like {@link #verify}, with the token's expiry, so a long-lived WebSocket can end when its token does. */
    public Future<Verified> verifyUntil(String token) {
        return jwt.authenticate(new TokenCredentials(token)).compose(principal -> current(principal.subject())
                .map(user -> new Verified(user, expiry(principal))));
    }

    /** The token's {@code exp}, which Vert.x keeps among the user's attributes. */
    private static Instant expiry(User principal) {
        Long exp = principal.attributes().getLong("exp");
        if (exp == null) {
            exp = principal.attributes().getJsonObject("accessToken", new JsonObject()).getLong("exp");
        }
        if (exp == null) {
            throw new IllegalStateException("token of " + principal.subject() + " carries no expiry");
        }
        return Instant.ofEpochSecond(exp);
    }

    /** The user as the directory knows them now, so scope changes apply without a new login. */
    public Future<DashboardUser> current(String username) {
        return users.find(username).map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture("user '" + username + "' no longer exists"));
    }
}
