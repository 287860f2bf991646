package org.cityvitals.launcher.bench;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cityvitals.indicators.Topics;
import org.cityvitals.ingest.sim.Simulator;
import org.cityvitals.ingest.sim.SimulatorConfig;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.JobOptions;
import org.cityvitals.jobs.Jobs;
import org.cityvitals.jobs.VitalSignsJob;
import org.cityvitals.jobs.source.KafkaEvents;
import org.cityvitals.stack.testing.TopicMark;
import org.apache.kafka.common.TopicPartition;
import java.util.HashMap;
import java.util.Map;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.KafkaBroker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Throughput of the whole production topology on this machine: the simulator preloads N Shanghai events into a
 * local broker, then the job backfills them ({@code --until-latest}) into a local ClickHouse and Kafka, and the
 * events per second of job runtime are printed. Not a test: run it through the command in docs/BENCHMARKS.md.
 * Arguments: [events per run (1000000)] [runs (3)].
 */
public final class TopologyBench {

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("cityvitals-bench");
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
             ClickHouseServer clickHouse = ClickHouseServer.start(dir.resolve("clickhouse"))) {
            kafka.createTopics(2, Topics.all());
            long published = preload(kafka.bootstrapServers(), events);
            System.out.printf("preloaded %,d events%n", published);
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                JobSettings settings = JobOptions.parse("--kafka", kafka.bootstrapServers(),
                        "--clickhouse", clickHouse.jdbcUrl("default"), "--database", "bench" + run,
                        "--group-id", "bench" + run);
                Configuration conf = new Configuration();
                // as the demo runs it: the alert engine's state outgrows the job manager's 5 MB in-memory limit
                conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints" + run).toUri().toString());
                StreamExecutionEnvironment env = VitalSignsJob.configure(
                        StreamExecutionEnvironment.createLocalEnvironment(conf), settings);
                new VitalSignsJob(settings, KafkaEvents.from(kafka.bootstrapServers(), "bench" + run, start(kafka),
                        end(kafka)), Jobs.kafkaOutputs(settings)).build(env);
                long start = System.nanoTime();
                JobExecutionResult result = env.execute("bench");
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = published / seconds;
                rates.add(rate);
                System.out.printf("run %d: %,d events in %.1f s (job runtime %.1f s) = %,.0f events/s%n", run,
                        published, seconds, result.getNetRuntime() / 1000.0, rate);
            }
            Collections.sort(rates);
            System.out.printf("median %,.0f events/s over %d runs (parallelism 1, 2 cores shared with Kafka and "
                    + "ClickHouse)%n", rates.get(rates.size() / 2), runs);
        }
    }

    private static Map<TopicPartition, Long> start(KafkaBroker kafka) {
        Map<TopicPartition, Long> zero = new HashMap<>();
        end(kafka).keySet().forEach(tp -> zero.put(tp, 0L));
        return zero;
    }

    private static Map<TopicPartition, Long> end(KafkaBroker kafka) {
        Map<TopicPartition, Long> end = new HashMap<>();
        for (String topic : List.of(Topics.READINGS, Topics.INCIDENTS)) {
            end.putAll(TopicMark.now(kafka.bootstrapServers(), topic).offsets());
        }
        return end;
    }

    /** Simulated Shanghai from a fixed start, as fast as the broker takes it; returns the events Kafka acked. */
    private static long preload(String kafka, long events) throws InterruptedException {
        Simulator simulator = Simulator.start(SimulatorConfig.simulated(20261126, 2000,
                Instant.parse("2026-11-01T00:00:00Z")), kafka);
        while (simulator.eventsPublished() < events) {
            Thread.sleep(50);
        }
        simulator.close(); // waits for what is in flight
        return simulator.eventsPublished();
    }
}
