package org.cityvitals.dashboard.auth;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Permission;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.access.UsersFile;
import org.cityvitals.store.audit.AuditEntry;
import org.cityvitals.store.query.AuditLog;
import org.cityvitals.store.query.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platform's users in one place: the store in ClickHouse ({@code platform_users}), shared by every dashboard
 * instance, and this instance's {@link UserDirectory} kept equal to it. A users file only bootstraps the first admin:
 * its first user who may manage users is written, audited, while the store holds no such user; every other user
 * comes from an admin through the API (the demo accounts, for a demo only, are each written once when the store has
 * never known the name). A user removed stays removed. Blocking: call off the event loop.
 */
public final class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    /** Who wrote the users a users file or the demo accounts brought. */
    public static final String BOOTSTRAP = "bootstrap";

    private final UserAccounts store;
    private final AuditLog audit;
    private final UserDirectory directory;
    private final List<PlatformUser> seeds;
    private volatile boolean bootstrapped;

    /**
     * Until the store has been read, the directory holds only the users that may bootstrap it, so a store that is
     * down at start locks the first admin out no more than it lets anyone else in.
     */
    public Accounts(UserAccounts store, AuditLog audit, UserDirectory directory) {
        this.store = store;
        this.audit = audit;
        this.directory = directory;
        this.seeds = seeds(directory);
        Map<String, PlatformUser> startUp = new LinkedHashMap<>();
        seeds.forEach(user -> startUp.put(user.username(), user));
        directory.replaceAll(startUp);
    }

    private static List<PlatformUser> seeds(UserDirectory directory) {
        if (directory.isDemo()) {
            return List.copyOf(directory.all().values());
        }
        List<PlatformUser> admins = directory.all().values().stream().filter(Accounts::isAdmin).limit(1).toList();
        int ignored = directory.all().size() - admins.size();
        if (admins.isEmpty()) {
            LOG.warn("the users file has no user who may manage users: it bootstraps nobody");
        } else if (ignored > 0) {
            LOG.warn("the users file bootstraps only its first admin; its {} other users are not read: an admin "
                    + "creates them through the API", ignored);
        }
        return admins;
    }

    private static boolean isAdmin(PlatformUser user) {
        return user.may(Permission.MANAGE_USERS);
    }

    /**
     * Writes the start-up users the store needs (the file's first admin when the store has no admin; demo accounts
     * whose names it has never known), each recorded in the audit log, then loads the store's users.
     */
    public void bootstrap() throws SQLException {
        List<UserAccounts.Stored> stored = store.all();
        Set<String> known = stored.stream().map(UserAccounts.Stored::username).collect(Collectors.toSet());
        boolean hasAdmin = stored.stream().filter(s -> !s.removed())
                .anyMatch(s -> isAdmin(UsersFile.parseEntry(s.definition(), "platform_users")));
        Instant now = Instant.now();
        for (PlatformUser user : seeds) {
            boolean wanted = directory.isDemo() ? !known.contains(user.username()) : !hasAdmin;
            if (wanted) {
                store.write(user.username(), UsersFile.entry(user), false, BOOTSTRAP, now);
                audit.record(new AuditEntry(now, BOOTSTRAP, "user_created", user.username(),
                        "role " + WireNames.of(user.role()) + ", clearance " + WireNames.of(user.clearance())));
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
