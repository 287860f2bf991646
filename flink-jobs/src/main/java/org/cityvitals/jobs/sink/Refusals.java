package org.cityvitals.jobs.sink;

import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.DeadLetter;

import java.io.Serializable;

/**
 * Where a ClickHouse sink reports what it could not do: rows the server refuses for good become dead letters, and a
 * store that stays unreachable becomes a platform alarm. Serializable, so it travels with the sink to its task and
 * opens its connection there; Kafka in a deployment, a list in tests.
 */
public interface Refusals extends Serializable {

    Reporter open();

    /** An open reporting channel of one sink writer. */
    interface Reporter extends AutoCloseable {
        void deadLetter(DeadLetter deadLetter);

        void alarm(AlertEvent alarm);

        @Override
        void close();
    }
}
