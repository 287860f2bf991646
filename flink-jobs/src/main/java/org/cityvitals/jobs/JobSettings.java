package org.cityvitals.jobs;

import org.cityvitals.indicators.signal.Origin;

import java.io.Serializable;
import java.time.Duration;

/**
 * Everything an operator can set on the jobs, as {@link JobOptions} parses it from the command line. The defaults run
 * against the local demo stack; on a cluster pass {@code --kafka} and {@code --clickhouse}.
 *
 * @param catalogue a catalogue file path, or null for the shipped catalogue
 * @param origin        live for the running job, backfill for a job over replayed history
 * @param checkpointDir where checkpoints are written (a URI), or null for the cluster's
 *                      {@code execution.checkpointing.dir}
 */
public record JobSettings(String kafka, String clickHouseUrl, String database, String groupId, int parallelism,
                          Duration checkpointInterval, Duration outOfOrderness, Duration idleness,
                          Duration allowedLateness, String catalogue, boolean fromEarliest, Duration stallAfter,
                          Origin origin, String checkpointDir) implements Serializable {

    public CatalogueText catalogueText() {
        return catalogue == null ? CatalogueText.shipped() : CatalogueText.of(java.nio.file.Path.of(catalogue));
    }

    public JobSettings withOrigin(Origin newOrigin) {
        return new JobSettings(kafka, clickHouseUrl, database, groupId, parallelism, checkpointInterval,
                outOfOrderness, idleness, allowedLateness, catalogue, fromEarliest, stallAfter, newOrigin, checkpointDir);
    }
}
