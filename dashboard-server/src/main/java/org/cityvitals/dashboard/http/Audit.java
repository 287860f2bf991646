package org.cityvitals.dashboard.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import org.cityvitals.store.audit.AuditEntry;
import org.cityvitals.store.query.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * What the REST API and the live sockets write to the audit log (docs/GOVERNANCE.md): reads of sensitive data and
 * changes to users and rules, by the caller, now. Written on the store's workers; a write that fails is counted on
 * {@code cityvitals_audit_failures_total} and logged by action and actor only, never with the data read.
 */
final class Audit {

    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);
    /** The action of a read of sensitive data. */
    static final String READ_SENSITIVE = "read_sensitive";

    private final AuditLog log;
    private final WorkerExecutor store;
    private final Counter failures;

    Audit(AuditLog log, WorkerExecutor store, MeterRegistry meters) {
        this.log = log;
        this.store = store;
        this.failures = Counter.builder("cityvitals.audit.failures")
                .description("audit entries that could not be written").register(meters);
    }

    /** Records that the caller did {@code action} on {@code target}; completes once the entry is written. */
    Future<Void> record(RoutingContext ctx, String action, String target, String detail) {
        return record(Caller.of(ctx).username(), action, target, detail);
    }

    /** Records that {@code actor} did {@code action} on {@code target} now; completes once the entry is written. */
    Future<Void> record(String actor, String action, String target, String detail) {
        AuditEntry entry = new AuditEntry(Instant.now(), actor, action, target, detail);
        return store.<Void>executeBlocking(() -> {
            log.record(entry);
            return null;
        }, false).onFailure(e -> {
            failures.increment();
            LOG.warn("audit entry {} by {} not written: {}", entry.action(), entry.actor(), e.getMessage());
        });
    }

    AuditLog log() {
        return log;
    }
}
