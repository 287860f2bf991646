package org.cityvitals.jobs.incident;

/** When a case was reported and resolved ({@link BacklogChange#OPEN} while open). A POJO for Flink state. */
public class CaseSpan {
    public long reportedAt;
    public long resolvedAt = BacklogChange.OPEN;

    boolean openAt(long t) {
        return reportedAt < t && resolvedAt >= t;
    }
}
