package org.cityvitals.indicators.access;

/**
 * The highest class of data (分类分级) a user is cleared for: open (公开) ≤ internal (内部) ≤ sensitive (敏感). Data
 * governance enforces it per dataset; a user sees a class only when cleared for it or a higher one.
 */
public enum Clearance {
    OPEN, INTERNAL, SENSITIVE;

    /** Whether a user with this clearance may see data of class {@code dataClass}. */
    public boolean covers(Clearance dataClass) {
        return compareTo(dataClass) >= 0;
    }

    /** The higher of this class and {@code other}: the class of data that combines both. */
    public Clearance higher(Clearance other) {
        return covers(other) ? this : other;
    }
}
