package org.cityvitals.jobs;

import org.apache.kafka.common.TopicPartition;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.jobs.history.HistoryLoader;
import org.cityvitals.jobs.sink.ClickHouseSink;
import org.cityvitals.jobs.sink.KafkaRefusals;
import org.cityvitals.jobs.sink.KafkaSinks;
import org.cityvitals.jobs.source.KafkaEvents;
import org.cityvitals.jobs.source.KafkaManualResolves;
import org.cityvitals.store.table.AlertEventTable;
import org.cityvitals.store.table.HealthScoreTable;
import org.cityvitals.store.table.IncidentTable;
import org.cityvitals.store.table.IndicatorValueTable;
import org.cityvitals.store.table.ReadingTable;
import org.cityvitals.store.table.TableMapping;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The deployed jobs, wired to Kafka and ClickHouse: what {@code cityvitals job …} and the demo run. */
public final class Jobs {

    private Jobs() {}

    /**
     * The live vital-signs job: the platform's topics in, Kafka out (values, alerts, health, dead letters). The
     * history loader takes what it publishes into ClickHouse.
     */
    public static VitalSignsJob vitals(JobSettings s) {
        return new VitalSignsJob(s, KafkaEvents.live(s.kafka(), List.of(Topics.READINGS, Topics.INCIDENTS),
                s.groupId(), s.fromEarliest()), new KafkaManualResolves(s.kafka(), s.groupId()), kafkaOutputs(s));
    }

    /** The live job's outputs: values, alerts and health scores for the screens and the loader, dead letters. */
    public static VitalSignsJob.Outputs kafkaOutputs(JobSettings s) {
        return new VitalSignsJob.Outputs(
                List.of(KafkaSinks.indicatorValues(s.kafka())),
                List.of(KafkaSinks.alertEvents(s.kafka())),
                List.of(KafkaSinks.healthScores(s.kafka())),
                List.of(), List.of(),
                List.of(KafkaSinks.deadLetters(s.kafka())));
    }

    /** Kafka into ClickHouse, in a job of its own so a store outage never stops the vital signs. */
    public static HistoryLoader historyLoader(JobSettings s) {
        return new HistoryLoader(s, new KafkaRefusals(s.kafka()), HistoryLoader.StartingPoint.COMMITTED);
    }

    /**
     * A bounded job over one replay's records (its offset range of the replay topics): the same topology, computing
     * every indicator, health score and alert for that city and time range with the same row keys as live
     * processing, written straight into ClickHouse marked as backfill. Nothing is pushed to the screens: backfill
     * alerts are history, not live alarms. Dead letters go to Kafka like the live job's.
     */
    public static VitalSignsJob backfill(JobSettings live, String replayId, Map<TopicPartition, Long> start,
                                         Map<TopicPartition, Long> end) {
        JobSettings s = live.withOrigin(Origin.BACKFILL);
        return new VitalSignsJob(s, KafkaEvents.replay(s.kafka(), replayId, start, end), clickHouseOutputs(s));
    }

    /** Everything straight into ClickHouse, marked with the settings' origin; dead letters to Kafka. */
    public static VitalSignsJob.Outputs clickHouseOutputs(JobSettings s) {
        KafkaRefusals refusals = new KafkaRefusals(s.kafka());
        return new VitalSignsJob.Outputs(
                List.of(clickHouse(s, new IndicatorValueTable(s.origin()), refusals)),
                List.of(clickHouse(s, new AlertEventTable(), refusals)),
                List.of(clickHouse(s, new HealthScoreTable(s.origin()), refusals)),
                List.of(clickHouse(s, new ReadingTable(), refusals)),
                List.of(clickHouse(s, new IncidentTable(), refusals)),
                List.of(KafkaSinks.deadLetters(s.kafka())));
    }

    /**
     * A live job's rows wait at most a second for a fuller batch, so the screens' history is current. A bounded
     * job's (a backfill's) wait for a full batch or the next checkpoint: every insert becomes a part in each table
     * the clearance and rollup views fill, and a month of history inserted every second kept the server merging the
     * month's partition over and over (45 rows merged for every row inserted, measured on the Beijing replay).
     */
    private static <T> ClickHouseSink<T> clickHouse(JobSettings s, TableMapping<T> table, KafkaRefusals refusals) {
        Duration flushEvery = s.origin().bounded() ? s.checkpointInterval() : ClickHouseSink.LIVE_FLUSH_INTERVAL;
        return new ClickHouseSink<>(s.clickHouseUrl(), s.database(), table, refusals, ClickHouseSink.BATCH_ROWS,
                flushEvery);
    }
}
