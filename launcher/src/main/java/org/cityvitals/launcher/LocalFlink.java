package org.cityvitals.launcher;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.VitalSignsMain;

import java.nio.file.Path;

/** Runs the vital-signs job in local mode inside this JVM, exactly the topology a cluster runs. */
final class LocalFlink {

    private LocalFlink() {}

    static JobClient start(JobSettings settings, Path checkpoints) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        // The demo shares one small machine with Kafka, ClickHouse and the dashboard: keep Flink's memory modest.
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(32));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(32));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        return VitalSignsMain.start(env, settings);
    }
}
