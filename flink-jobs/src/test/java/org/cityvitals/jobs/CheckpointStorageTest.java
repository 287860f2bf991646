package org.cityvitals.jobs;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside a cluster, checkpoints go where {@code --checkpoint-dir} says: Flink otherwise keeps them in the job
 * manager's memory, limited to 5 MB of state, which a city's windows outgrow (every checkpoint then fails).
 */
class CheckpointStorageTest {

    @Test
    void aCheckpointDirectoryMakesTheJobCheckpointToFiles() {
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.createLocalEnvironment(new Configuration()),
                JobOptions.parse("--checkpoint-dir", "file:///var/tmp/cityvitals-checkpoints"));

        assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINT_STORAGE)).isEqualTo("filesystem");
        assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo("file:///var/tmp/cityvitals-checkpoints");
    }

    @Test
    void withoutOneTheClustersConfigurationDecides() {
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.createLocalEnvironment(new Configuration()), JobOptions.parse());

        assertThat(env.getConfiguration().getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEmpty();
    }
}
