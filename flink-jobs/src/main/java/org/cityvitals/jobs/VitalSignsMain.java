package org.cityvitals.jobs;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.cityvitals.indicators.Topics;
import org.cityvitals.jobs.sink.ClickHouseSink;
import org.cityvitals.jobs.sink.KafkaSinks;
import org.cityvitals.jobs.source.DecodedEvent;
import org.cityvitals.jobs.source.EventDeserializer;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.cityvitals.store.table.AlertEventTable;
import org.cityvitals.store.table.HealthScoreTable;
import org.cityvitals.store.table.IncidentTable;
import org.cityvitals.store.table.IndicatorValueTable;
import org.cityvitals.store.table.ReadingTable;

import java.util.List;

/**
 * The deployed job: Kafka in, ClickHouse and Kafka out. {@code flink run flink-jobs.jar [flags]} on a cluster;
 * the demo runs the same topology in local mode through {@link #start}.
 */
public final class VitalSignsMain {

    private VitalSignsMain() {}

    public static void main(String[] args) throws Exception {
        JobSettings settings;
        try {
            settings = JobSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobExecutionResult result = prepare(env, settings).execute("CityVitals vital signs");
        System.out.println("job finished after " + result.getNetRuntime() + " ms");
    }

    /** Starts the job on {@code env} without waiting for it (local mode in the demo and the tests). */
    public static JobClient start(StreamExecutionEnvironment env, JobSettings settings) throws Exception {
        return prepare(env, settings).executeAsync("CityVitals vital signs");
    }

    /** Prepares the environment and builds the topology on Kafka and ClickHouse. */
    static StreamExecutionEnvironment prepare(StreamExecutionEnvironment env, JobSettings settings)
            throws Exception {
        return prepare(env, settings, outputs(settings));
    }

    /** The same with other outputs (tests add a failing sink). */
    static StreamExecutionEnvironment prepare(StreamExecutionEnvironment env, JobSettings settings,
                                              VitalSignsJob.Outputs outputs) throws Exception {
        prepareEnvironment(env, settings);
        new VitalSignsJob(settings, settings.catalogueText(), eventsSource(settings), outputs).build(env);
        return env;
    }

    /** Applies the schema (idempotent) and sets parallelism, checkpointing and strict serialisation. */
    static void prepareEnvironment(StreamExecutionEnvironment env, JobSettings settings) throws Exception {
        new SchemaMigrator(new ClickHouse(settings.clickHouseUrl()), settings.database()).migrate();
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false); // every type must have a real serializer, never Kryo
        env.configure(conf);
        env.setParallelism(settings.parallelism());
        env.enableCheckpointing(settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    }

    static KafkaSource<DecodedEvent> eventsSource(JobSettings settings) {
        KafkaSourceBuilder<DecodedEvent> source = KafkaSource.<DecodedEvent>builder()
                .setBootstrapServers(settings.kafka())
                .setTopics(Topics.READINGS, Topics.INCIDENTS)
                .setGroupId(settings.groupId())
                .setStartingOffsets(settings.fromEarliest() ? OffsetsInitializer.earliest()
                        : OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new EventDeserializer())
                .setProperty("partition.discovery.interval.ms", "60000");
        if (settings.untilLatest()) {
            source.setBounded(OffsetsInitializer.latest());
        }
        return source.build();
    }

    static VitalSignsJob.Outputs outputs(JobSettings s) {
        String url = s.clickHouseUrl();
        return new VitalSignsJob.Outputs(
                List.of(new ClickHouseSink<>(url, s.database(), new IndicatorValueTable()),
                        KafkaSinks.indicatorValues(s.kafka())),
                List.of(new ClickHouseSink<>(url, s.database(), new AlertEventTable()),
                        KafkaSinks.alertEvents(s.kafka())),
                List.of(new ClickHouseSink<>(url, s.database(), new HealthScoreTable()),
                        KafkaSinks.healthScores(s.kafka())),
                List.of(new ClickHouseSink<>(url, s.database(), new ReadingTable())),
                List.of(new ClickHouseSink<>(url, s.database(), new IncidentTable())),
                List.of(KafkaSinks.deadLetters(s.kafka())));
    }
}
