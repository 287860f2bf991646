package org.cityvitals.indicators.access;

/**
 * What a person does on the platform; {@link PermissionTable} says what each role may do. On every wire by its
 * lower-case name ({@code dispatcher}).
 */
public enum Role {
    /** The city operations centre (运行中心): watches and handles every district of its cities. */
    OPERATOR,
    /** A district dispatcher (调度): handles the alerts of the districts they are given. */
    DISPATCHER,
    /** Reads values and history, acts on nothing. */
    ANALYST,
    /** Manages users and may do everything an operator does. */
    ADMIN,
    /** Runs the platform itself: sees the platform's own alarms (data quality, stalled feeds) and handles them. */
    PLATFORM_STAFF
}
