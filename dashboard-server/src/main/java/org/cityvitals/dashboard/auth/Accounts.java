package org.cityvitals.dashboard.auth;

import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.access.UsersFile;
import org.cityvitals.store.query.UserAccounts;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platform's users in one place: the store in ClickHouse ({@code platform_users}), shared by every dashboard
 * instance, and this instance's {@link UserDirectory} kept equal to it. A users file (or the demo accounts) only
 * bootstraps: its users are written once, when the store has never known their names; from then on admins change
 * users through the API, and a user removed stays removed. Blocking: call off the event loop.
 */
public final class Accounts {

    /** Who wrote the users a users file or the demo accounts brought. */
    public static final String BOOTSTRAP = "bootstrap";

    private final UserAccounts store;
    private final UserDirectory directory;
    private volatile boolean bootstrapped;

    public Accounts(UserAccounts store, UserDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /**
     * Writes the directory's start-up users the store has never known, then loads the store's users. Until it has
     * succeeded once the directory keeps its start-up users, so a store that is down at start locks nobody out.
     */
    public void bootstrap() throws SQLException {
        Set<String> known = store.all().stream().map(UserAccounts.Stored::username).collect(Collectors.toSet());
        Instant now = Instant.now();
        for (PlatformUser user : directory.all().values()) {
            if (!known.contains(user.username())) {
                store.write(user.username(), UsersFile.entry(user), false, BOOTSTRAP, now);
            }
        }
        bootstrapped = true;
        reload();
    }

    /** The bootstrap until it has succeeded, then a {@link #reload}: what a server runs every few seconds. */
    public void refresh() throws SQLException {
        if (bootstrapped) {
            reload();
        } else {
            bootstrap();
        }
    }

    /** Makes the directory the store's current users (another instance's changes included). */
    public void reload() throws SQLException {
        Map<String, PlatformUser> users = new LinkedHashMap<>();
        for (UserAccounts.Stored stored : store.all()) {
            if (!stored.removed()) {
                users.put(stored.username(), UsersFile.parseEntry(stored.definition(), "platform_users"));
            }
        }
        directory.replaceAll(users);
    }

    /** Creates or replaces a user, by {@code admin}. */
    public void put(PlatformUser user, String admin) throws SQLException {
        store.write(user.username(), UsersFile.entry(user), false, admin, Instant.now());
        reload();
    }

    /** Removes a user, by {@code admin}: their tokens stop working at the next request. */
    public void remove(String username, String admin) throws SQLException {
        store.write(username, "", true, admin, Instant.now());
        reload();
    }

    public UserDirectory directory() {
        return directory;
    }
}
