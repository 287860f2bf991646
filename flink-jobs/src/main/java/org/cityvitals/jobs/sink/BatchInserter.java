package org.cityvitals.jobs.sink;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.SignalCodec;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.table.TableMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inserts one batch. While ClickHouse is unreachable or busy it retries with exponential backoff (0.1 s doubling to
 * 10 s) for as long as it takes: the writer stops taking records and Flink back-pressures this job (the history
 * loader), never the vital-signs job, whose values and alerts keep reaching Kafka and the screens. After
 * {@link #LAG_ALARM_AFTER} of failures it raises a platform alarm, resolved by the next successful insert. A batch the
 * server refuses for its content (a value it cannot take, more partitions than one insert may touch) is split in
 * halves until the refused rows stand alone; each becomes a dead letter naming the server's reason, and the rest go
 * in. Cancelling the job interrupts the wait.
 */
final class BatchInserter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchInserter.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 10_000;
    static final Duration LAG_ALARM_AFTER = Duration.ofMinutes(1);
    static final String REFUSED = "store_refused";
    static final String LAG_RULE = "store_lag";
    /** Server error codes that are about the rows sent, not the server's state (ClickHouse ErrorCodes). */
    private static final Set<Integer> CONTENT_ERRORS = Set.of(6, 27, 32, 33, 36, 41, 53, 69, 70, 72, 117);
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)");

    private final ClickHouse clickHouse;
    private final String table;
    private final TableMapping<T> mapping;
    private final Refusals.Reporter refusals;
    private final Clock clock;
    private Instant failingSince;
    private String alarmId;
    private int alarmVersion;

    BatchInserter(ClickHouse clickHouse, String database, TableMapping<T> mapping, Refusals.Reporter refusals,
                  Clock clock) {
        this.clickHouse = clickHouse;
        this.table = database + "." + mapping.table();
        this.mapping = mapping;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** Inserts {@code records}, splitting off what the server refuses; returns the failed attempts it retried. */
    int insert(List<T> records) throws InterruptedException {
        try {
            return insertRetrying(records);
        } catch (RefusedContent refused) {
            if (records.size() == 1) {
                deadLetter(records.get(0), refused.getMessage());
                return 0;
            }
            int half = records.size() / 2;
            return insert(records.subList(0, half)) + insert(records.subList(half, records.size()));
        }
    }

    private int insertRetrying(List<T> records) throws InterruptedException, RefusedContent {
        long backoff = FIRST_BACKOFF_MS;
        for (int failures = 0; ; failures++) {
            try {
                List<Object[]> rows = new ArrayList<>(records.size());
                for (T r : records) {
                    rows.add(mapping.insertRow(r));
                }
                clickHouse.insert(table, mapping.insertColumns(), rows);
                recovered();
                return failures;
            } catch (IllegalArgumentException e) {
                throw new RefusedContent(e.getMessage()); // a value that cannot be encoded for its column
            } catch (SQLException e) {
                if (refusesContent(e)) {
                    throw new RefusedContent(e.getMessage());
                }
                stillFailing(e, failures, backoff);
                Thread.sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private static boolean refusesContent(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Too many partitions for single INSERT block")) {
            return true;
        }
        Matcher code = CODE.matcher(message);
        return code.find() && CONTENT_ERRORS.contains(Integer.parseInt(code.group(1)));
    }

    private void stillFailing(SQLException e, int failures, long backoff) {
        Instant now = clock.instant();
        if (failingSince == null) {
            failingSince = now;
        }
        LOG.warn("insert into {} failed (attempt {}), retrying in {} ms: {}", table, failures + 1, backoff,
                e.getMessage());
        if (alarmId == null && Duration.between(failingSince, now).compareTo(LAG_ALARM_AFTER) >= 0) {
            alarmId = LAG_RULE + ":store." + mapping.table() + ":platform:" + failingSince.getEpochSecond();
            alarmVersion = 0;
            refusals.alarm(alarm(AlertKind.OPENED, Level.BLUE, Level.NORMAL, now,
                    "the history store has refused inserts into " + table + " since " + failingSince + ": "
                            + e.getMessage()));
        }
    }

    private void recovered() {
        if (alarmId != null) {
            refusals.alarm(alarm(AlertKind.RESOLVED, Level.NORMAL, Level.BLUE, clock.instant(),
                    "inserts into " + table + " succeed again"));
            alarmId = null;
        }
        failingSince = null;
    }

    private AlertEvent alarm(AlertKind kind, Level to, Level from, Instant at, String message) {
        double minutes = Duration.between(failingSince, at).toSeconds() / 60.0;
        return new AlertEvent(alarmId, ++alarmVersion, LAG_RULE, "store." + mapping.table(), "platform", kind, to,
                from, minutes, LAG_ALARM_AFTER.toMinutes(), failingSince, at, AlertAudience.PLATFORM, Origin.LIVE,
                message);
    }

    private void deadLetter(T record, String reason) {
        LOG.warn("{} refused a row for good, kept as a dead letter: {}", table, reason);
        refusals.deadLetter(new DeadLetter("clickhouse:" + mapping.table(), REFUSED, reason,
                SignalCodec.toJson(record), 0, clock.instant()));
    }

    /** The server (or the encoder) refused what was sent, not how or when: retrying the same rows cannot help. */
    private static final class RefusedContent extends Exception {
        RefusedContent(String message) {
            super(message);
        }
    }
}
