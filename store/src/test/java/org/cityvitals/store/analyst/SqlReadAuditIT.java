package org.cityvitals.store.analyst;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.TestClickHouse;
import org.cityvitals.store.audit.AuditEntry;
import org.cityvitals.store.query.AuditLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sensitive analyst account reads is in the audit log as admins read it ({@link AuditLog#entries}), fed by
 * the real server's {@code system.query_log} (local-stack's users.xml sets {@code log_queries} for the analysts):
 * the account, the query as sent, when; a query of the internal account, which cannot open sensitive data, is not.
 */
class SqlReadAuditIT {

    @Test
    void theSensitiveAccountsQueriesAreAuditedWithTheQueryAndTheOtherAccountsAreNot() throws Exception {
        CityFortnight.ensureLoaded();
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String marker = UUID.randomUUID().toString();
        String sensitiveQuery = "SELECT count() FROM incidents WHERE id = '" + marker + "'";
        String internalQuery = "SELECT count() FROM incidents WHERE id = 'internal-" + marker + "'";
        assertThat(CityFortnight.asAnalyst(Clearance.SENSITIVE, "").query(sensitiveQuery, rs -> rs.getLong(1)))
                .containsExactly(0L);
        assertThat(CityFortnight.asAnalyst(Clearance.INTERNAL, "").query(internalQuery, rs -> rs.getLong(1)))
                .containsExactly(0L);

        AuditLog log = new AuditLog(new ClickHouse(TestClickHouse.server().jdbcUrl(CityFortnight.DB)),
                CityFortnight.DB);
        List<AuditEntry> entries = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (entries.stream().noneMatch(e -> e.detail().contains(marker)) && System.nanoTime() < deadline) {
            Thread.sleep(250); // the server flushes its query log every second (local-stack's config.xml)
            entries = log.entries(from, Instant.now(), 1000);
        }
        List<AuditEntry> reads = entries.stream().filter(e -> e.detail().contains(marker)).toList();
        assertThat(reads).hasSize(1);
        AuditEntry read = reads.get(0);
        assertThat(read.actor()).isEqualTo("analyst_sensitive");
        assertThat(read.action()).isEqualTo("sql_read");
        assertThat(read.target()).isEqualTo("cityvitals_sensitive");
        // as sent: the driver adds the FORMAT it reads
        assertThat(read.detail()).startsWith(sensitiveQuery);
        assertThat(read.at()).isBetween(from, Instant.now());
    }
}
