package org.cityvitals.dashboard.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The users who may log in, read from a JSON array of
 * {@code {"username", "password" (a PasswordHash), "role", "displayName", "districts": ["310101"] or ["*"]}}.
 *
 * <p>Sessions look the user up again for every message they send, so a changed scope applies at once.
 */
public final class UserDirectory {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UserDirectory.class);

    /** The demo users shipped in the jar: ops, admin and district dispatchers (README lists them). */
    public static final String DEMO_RESOURCE = "demo-users.json";

    private final Map<String, DashboardUser> byName;

    private UserDirectory(Map<String, DashboardUser> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** The users in {@code file}, or the demo users when it is null. */
    public static UserDirectory load(Path file) {
        if (file == null) {
            LOG.warn("no users file given: the demo users (ops/ops, admin/admin, …) can log in; pass --users FILE "
                    + "for anything but a demo");
            try (InputStream in = Objects.requireNonNull(
                    UserDirectory.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE), DEMO_RESOURCE)) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEMO_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users file " + file, e);
        }
    }

    static UserDirectory parse(String json, String source) {
        Map<String, DashboardUser> users = new LinkedHashMap<>();
        try {
            for (Object item : new JsonArray(json)) {
                JsonObject u = (JsonObject) item;
                DashboardUser user = new DashboardUser(required(u, "username", source),
                        required(u, "password", source), required(u, "role", source),
                        u.getString("displayName", u.getString("username")),
                        Scope.of(u.getJsonArray("districts", new JsonArray()).getList()));
                if (users.put(user.username(), user) != null) {
                    throw new IllegalArgumentException(source + ": user '" + user.username() + "' is listed twice");
                }
            }
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException(source + ": not a JSON array of user objects: " + e.getMessage(), e);
        }
        return new UserDirectory(users);
    }

    private static String required(JsonObject user, String field, String source) {
        String value = user.getString(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(source + ": a user lacks '" + field + "': " + user.encode());
        }
        return value;
    }

    public Optional<DashboardUser> find(String username) {
        return Optional.ofNullable(byName.get(username));
    }
}
