package org.cityvitals.jobs;

import org.cityvitals.indicators.cli.ClickHouseOptions;
import org.cityvitals.indicators.cli.Cli;
import org.cityvitals.indicators.cli.KafkaOption;
import org.cityvitals.indicators.signal.Origin;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The flags every job command shares; {@link #settings()} turns them into {@link JobSettings}. */
public final class JobOptions {

    @Mixin
    KafkaOption kafka;

    @Mixin
    ClickHouseOptions clickHouse;

    @Option(names = "--group-id", paramLabel = "ID", defaultValue = "cityvitals-vitals",
            description = "Kafka consumer group; offsets are committed on checkpoints (default: ${DEFAULT-VALUE})")
    String groupId;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "1",
            description = "job parallelism; the topics need at least as many partitions (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "10s",
            description = "exactly-once state checkpoints; also the Kafka and ClickHouse flush cadence "
                    + "(default: ${DEFAULT-VALUE})")
    Duration checkpointInterval;

    @Option(names = "--out-of-orderness", paramLabel = "DURATION", defaultValue = "30s",
            description = "bounded out-of-orderness of the watermarks (default: ${DEFAULT-VALUE})")
    Duration outOfOrderness;

    @Option(names = "--idleness", paramLabel = "DURATION", defaultValue = "1m",
            description = "a silent partition stops holding back event time after this; a backfill waits for "
                    + "every partition to reach its end instead (default: ${DEFAULT-VALUE})")
    Duration idleness;

    @Option(names = "--allowed-lateness", paramLabel = "DURATION", defaultValue = "10m",
            description = "late events within this correct their window (next version); later ones become dead "
                    + "letters (default: ${DEFAULT-VALUE})")
    Duration allowedLateness;

    @Option(names = "--catalogue", paramLabel = "FILE",
            description = "another indicator catalogue, validated at start (default: the shipped one)")
    String catalogue;

    @Option(names = "--from-earliest",
            description = "read the topics from the beginning instead of from the committed offsets")
    boolean fromEarliest;

    @Option(names = "--stall-after", paramLabel = "DURATION", defaultValue = "2m",
            description = "wall-clock silence of a sensor network after which its feed is stalled "
                    + "(default: ${DEFAULT-VALUE})")
    Duration stallAfter;

    @Option(names = "--checkpoint-dir", paramLabel = "URI",
            description = "where checkpoints are written (file:///…, s3://…); needed outside a cluster, where they "
                    + "would otherwise live in the job manager's memory, which holds at most 5 MB of state "
                    + "(default: the cluster's execution.checkpointing.dir)")
    String checkpointDir;

    public JobSettings settings() {
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
        }
        return new JobSettings(kafka.bootstrapServers(), clickHouse.url(), clickHouse.database(), groupId,
                parallelism, checkpointInterval, outOfOrderness, idleness, allowedLateness, catalogue, fromEarliest,
                stallAfter, Origin.LIVE, checkpointDir);
    }

    /** Settings from flags, as the command line would parse them (for code that starts a job itself). */
    public static JobSettings parse(String... args) {
        JobOptions options = new JobOptions();
        Cli.of(options).parseArgs(args);
        return options.settings();
    }
}
