package org.cityvitals.launcher;

import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.retention.PersonalData;
import org.cityvitals.store.retention.Retention;
import org.cityvitals.store.retention.RetentionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drops expired partitions once an hour (ClickHouse 18.16 has no TTL), sparing partitions written within their
 * retention span, and clears personal information past its retention (store's PersonalData); a failed round is
 * logged and retried.
 */
final class RetentionSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final ScheduledExecutorService executor;

    private RetentionSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static RetentionSchedule start(ClickHouse clickHouse, String database) {
        // A demo is where people replay old public data: keep what was written recently, whatever its time.
        Retention retention = new Retention(clickHouse, database, RetentionPolicy.defaults()).sparingRecentWrites();
        PersonalData personal = new PersonalData(clickHouse, database, Classification.loadDefault());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                List<String> dropped = retention.apply(Instant.now());
                if (!dropped.isEmpty()) {
                    LOG.info("retention dropped {}", dropped);
                }
                personal.expire(Instant.now(), PersonalData.DEFAULT_DAYS);
            } catch (Exception e) {
                LOG.warn("retention round failed, next one in an hour: {}", e.toString());
            }
        }, 0, 1, TimeUnit.HOURS);
        return new RetentionSchedule(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
