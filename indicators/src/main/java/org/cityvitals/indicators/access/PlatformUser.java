package org.cityvitals.indicators.access;

import org.cityvitals.indicators.Fields;

import java.util.List;

/**
 * A person who may log in anywhere on the platform: what they do ({@link Role}), where ({@link AccessScope}), which
 * class of data they are cleared for ({@link Clearance}), and the duty rosters they may be put on (names of rosters,
 * for the duty routing that situations will use; empty for most). {@code passwordHash} is a PBKDF2 hash as the
 * dashboard writes it, never a password.
 */
public record PlatformUser(String username, String passwordHash, String displayName, Role role, AccessScope scope,
                           Clearance clearance, List<String> duty) {

    public PlatformUser {
        Fields.required("username", username, "passwordHash", passwordHash, "role", role, "scope", scope,
                "clearance", clearance);
        displayName = displayName == null ? username : displayName;
        duty = List.copyOf(duty);
    }

    public boolean may(Permission permission) {
        return PermissionTable.allows(role, permission);
    }
}
