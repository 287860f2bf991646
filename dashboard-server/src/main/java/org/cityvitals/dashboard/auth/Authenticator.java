package org.cityvitals.dashboard.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.cityvitals.indicators.access.PlatformUser;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks passwords, issues login tokens and turns tokens back into users. Tokens are HS256 JWTs carrying the user
 * name and a token id ({@code jti}), valid {@value #TOKEN_HOURS} h; a logout revokes the id on the server. Password
 * checks run on a worker pool of their own, so a flood of logins cannot take the workers that serve history, and
 * cost the same for unknown users as for wrong passwords.
 */
public final class Authenticator {

    static final int TOKEN_HOURS = 12;
    private static final int LOGIN_WORKERS = 2;

    private final UserDirectory users;
    private final JWTAuth jwt;
    private final LoginGuard guard;
    private final WorkerExecutor hashing;
    /** Revoked token ids with their expiry, forgotten once the token would have expired anyway. */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    public Authenticator(Vertx vertx, UserDirectory users, String secret, LoginGuard guard) {
        this.users = users;
        this.guard = guard;
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
                .setAlgorithm("HS256").setBuffer(secret)));
        this.hashing = vertx.createSharedWorkerExecutor("cityvitals-login", LOGIN_WORKERS);
    }

    public JWTAuth jwt() {
        return jwt;
    }

    public UserDirectory users() {
        return users;
    }

    /** What a login attempt came to. */
    public sealed interface Outcome {}

    /** The token to present from now on, and who it belongs to. */
    public record LoggedIn(String token, PlatformUser user) implements Outcome {}

    /** Unknown user or wrong password: the same answer for both. */
    public record Refused() implements Outcome {}

    /** Too many failures for this name or address: try again after {@code retryAfter}. */
    public record Locked(Duration retryAfter) implements Outcome {}

    public Future<Outcome> login(String username, String password, String address) {
        Optional<Duration> wait = guard.retryAfter(username, address);
        if (wait.isPresent()) {
            return Future.succeededFuture(new Locked(wait.get()));
        }
        return hashing.executeBlocking(() -> {
            Optional<PlatformUser> user = users.find(username);
            boolean matches = user.isPresent() ? PasswordHash.matches(password, user.get().passwordHash())
                    : PasswordHash.matchesNobody(password);
            if (!matches) {
                guard.failed(username, address);
                return new Refused();
            }
            guard.succeeded(username);
            return new LoggedIn(jwt.generateToken(new JsonObject().put("sub", username)
                    .put("jti", UUID.randomUUID().toString()),
                    new JWTOptions().setExpiresInMinutes(TOKEN_HOURS * 60)), user.get());
        }, false);
    }

    /** A verified token: whose it is, its id, and until when it is valid. */
    public record Verified(PlatformUser user, String tokenId, Instant expiresAt) {}

    /** The user a token names; fails when the token is invalid, expired or revoked, or the user no longer exists. */
    public Future<Verified> verify(String token) {
        return jwt.authenticate(new TokenCredentials(token)).compose(this::verified);
    }

    /** The same for a principal Vert.x Web's JWT handler has already authenticated. */
    public Future<Verified> verified(User principal) {
        String tokenId = claims(principal).getString("jti");
        if (tokenId == null || revoked.containsKey(tokenId)) {
            return Future.failedFuture("token revoked");
        }
        return users.find(principal.subject())
                .map(user -> Future.succeededFuture(new Verified(user, tokenId, expiry(principal))))
                .orElseGet(() -> Future.failedFuture("user '" + principal.subject() + "' no longer exists"));
    }

    /** Revokes a token until it would have expired anyway (a logout). */
    public void revoke(Verified token) {
        Instant now = Instant.now();
        revoked.values().removeIf(expiry -> expiry.isBefore(now));
        revoked.put(token.tokenId(), token.expiresAt());
    }

    /** The token's claims, which Vert.x keeps among the user's attributes. */
    private static JsonObject claims(User principal) {
        JsonObject attributes = principal.attributes();
        return attributes.getJsonObject("accessToken", attributes);
    }

    private static Instant expiry(User principal) {
        Long exp = claims(principal).getLong("exp", principal.attributes().getLong("exp"));
        if (exp == null) {
            throw new IllegalStateException("token of " + principal.subject() + " carries no expiry");
        }
        return Instant.ofEpochSecond(exp);
    }
}
