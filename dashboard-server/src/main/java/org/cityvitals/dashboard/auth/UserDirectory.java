package org.cityvitals.dashboard.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.access.UsersFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The users who may log in. At start they are those of a users file ({@link UsersFile}) or, only when the demo flag
 * is given, the demo accounts shipped in the jar; {@link Accounts} then bootstraps the platform's user store from
 * them (a users file: its first admin, only while the store has none) and keeps this directory equal to the store,
 * which admins manage through the API. Thread-safe: lookups see
 * the last whole replacement.
 */
public final class UserDirectory {

    /** The demo accounts shipped in the jar; each entry also carries its {@code demoPassword} for the login page. */
    public static final String DEMO_RESOURCE = "demo-users.json";

    private volatile Map<String, PlatformUser> byName;
    private final List<DemoAccount> demoAccounts;

    /** A demo account as the demo's login page lists it. */
    public record DemoAccount(String username, String password, String displayName, String role) {}

    private UserDirectory(Map<String, PlatformUser> byName, List<DemoAccount> demoAccounts) {
        this.byName = inOrder(byName);
        this.demoAccounts = List.copyOf(demoAccounts);
    }

    /** The users in {@code file}. */
    public static UserDirectory load(Path file) {
        try {
            return new UserDirectory(UsersFile.parse(Files.readString(file), file.toString()), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users file " + file, e);
        }
    }

    /** The demo accounts: for a demo only, never with real data. */
    public static UserDirectory demo() {
        try (InputStream in = Objects.requireNonNull(
                UserDirectory.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE), DEMO_RESOURCE)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, PlatformUser> users = UsersFile.parse(json, DEMO_RESOURCE);
            List<DemoAccount> accounts = new ArrayList<>();
            for (JsonNode entry : new ObjectMapper().readTree(json)) {
                PlatformUser user = users.get(entry.path("username").asText());
                accounts.add(new DemoAccount(user.username(), entry.path("demoPassword").asText(),
                        user.displayName(), WireNames.of(user.role())));
            }
            return new UserDirectory(users, accounts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<PlatformUser> find(String username) {
        return Optional.ofNullable(byName.get(username));
    }

    /** Every user, by name, in the order of the users file (or of the store). */
    public Map<String, PlatformUser> all() {
        return byName;
    }

    /** Makes {@code users} the directory's users, all at once. */
    void replaceAll(Map<String, PlatformUser> users) {
        byName = inOrder(users);
    }

    /** Whether these are the demo accounts (every one of which seeds the store), not a users file. */
    boolean isDemo() {
        return !demoAccounts.isEmpty();
    }

    /** An unmodifiable copy that keeps the order: the file's first admin is the one that bootstraps the store. */
    private static Map<String, PlatformUser> inOrder(Map<String, PlatformUser> users) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(users));
    }

    /** The demo accounts with their passwords; empty outside the demo. */
    public List<DemoAccount> demoAccounts() {
        return demoAccounts;
    }
}
