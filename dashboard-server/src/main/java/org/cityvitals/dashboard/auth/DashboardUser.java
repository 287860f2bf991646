package org.cityvitals.dashboard.auth;

/** A person who may log in, with what they may see. {@code passwordHash} is in {@link PasswordHash} format. */
public record DashboardUser(String username, String passwordHash, String role, String displayName, Scope scope) {
}
