package org.cityvitals.launcher;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.VitalSignsJob;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs a job in local mode inside this JVM, exactly the topology a cluster runs. Each job gets its own local
 * environment (its own checkpoints), so the history loader waiting for ClickHouse never holds back the vital signs.
 */
final class LocalFlink {

    private LocalFlink() {}

    static JobClient start(String name, JobSettings settings, Path checkpoints,
                           Consumer<StreamExecutionEnvironment> topology) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        // The demo shares one small machine with Kafka, ClickHouse and the dashboard: keep Flink's memory modest.
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(32));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(32));
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.createLocalEnvironment(conf), settings);
        topology.accept(env);
        return env.executeAsync(name);
    }
}
