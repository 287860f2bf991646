package org.cityvitals.launcher.cluster;

/** One invariant of a drill or a benchmark precondition: what it says, whether it held, and the figures. */
record Check(String invariant, boolean held, String detail) {

    @Override
    public String toString() {
        return (held ? "PASS  " : "FAIL  ") + invariant + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
