package org.cityvitals.launcher.bench;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.TopicPartition;
import org.cityvitals.indicators.Topics;
import org.cityvitals.ingest.sim.Simulator;
import org.cityvitals.ingest.sim.SimulatorConfig;
import org.cityvitals.jobs.JobOptions;
import org.cityvitals.jobs.JobSettings;
import org.cityvitals.jobs.Jobs;
import org.cityvitals.jobs.VitalSignsJob;
import org.cityvitals.jobs.source.KafkaEvents;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.KafkaBroker;
import org.cityvitals.stack.testing.TopicMark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the whole production topology on this machine, beside what the broker takes alone. The simulator
 * preloads N Shanghai events into a local broker; then, after W warm-up rounds, each round (1) publishes N more
 * events from the simulator into Kafka alone, the broker-only baseline, and (2) runs the job over the preloaded N
 * ({@code --until-latest}, parallelism 1, checkpoints every 10 s) into Kafka, timing each and sampling who used the
 * CPU during the job. Prints every round, the medians and their ratio. Not a test: run it through the command in
 * docs/BENCHMARKS.md. Arguments: [events per run (1000000)] [rounds after the warm-up (5)] [warm-up rounds (3)].
 * Three warm-up rounds, because one was not enough: in the first rounds the JIT still compiles the broker's code as
 * well as the job's (the broker-alone baseline, which the job does not touch, rose from 266,000 to 470,000 events/s
 * over the first three rounds on a quiet machine, with the JVM's own share of the CPU falling from 40 % to 24 %).
 */
public final class TopologyBench {

    public static void main(String[] args) {
        BenchProgram.run(() -> measure(args));
    }

    private static void measure(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("cityvitals-bench");
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
             ClickHouseServer clickHouse = ClickHouseServer.start(dir.resolve("clickhouse"))) {
            kafka.createTopics(2, Topics.all());
            long preloaded = publish(kafka.bootstrapServers(), events).events;
            // fixed now: the baseline's later events lie beyond these offsets, so every job run reads the same input
            Map<TopicPartition, Long> end = endOffsets(kafka);
            System.out.printf("preloaded %,d events%n", preloaded);
            List<Double> brokerRates = new ArrayList<>();
            List<Double> jobRates = new ArrayList<>();
            for (int round = 1 - warmUps; round <= rounds; round++) {
                String label = round <= 0 ? "warm-up " + (round + warmUps) : "round " + round;
                Published alone = publish(kafka.bootstrapServers(), events);
                double brokerRate = alone.events / alone.seconds;
                CpuShares cpu = new CpuShares(clickHouse.pid());
                double seconds = runJob(kafka, clickHouse, dir, "bench" + round, end);
                Map<String, Double> shares = cpu.shares();
                double jobRate = preloaded / seconds;
                System.out.printf("%s: broker alone %,.0f events/s; job %,d events in %.1f s = %,.0f events/s "
                        + "(%.2f of the broker); CPU of 2 cores during the job: %s%n", label, brokerRate, preloaded,
                        seconds, jobRate, jobRate / brokerRate, format(shares));
                if (round > 0) {
                    brokerRates.add(brokerRate);
                    jobRates.add(jobRate);
                }
            }
            double broker = median(brokerRates);
            double job = median(jobRates);
            // "median N events/s" first: the bench command reads that figure
            System.out.printf("median %,.0f events/s over %d rounds after %d warm-up rounds; broker alone %,.0f "
                    + "events/s; ratio %.2f (parallelism 1, 2 cores shared with Kafka and ClickHouse)%n", job, rounds,
                    warmUps, broker, job / broker);
        }
    }

    /** The job over the preloaded offsets, in a fresh local environment; seconds from submission to its end. */
    private static double runJob(KafkaBroker kafka, ClickHouseServer clickHouse, Path dir, String name,
                                 Map<TopicPartition, Long> end) throws Exception {
        JobSettings settings = JobOptions.parse("--kafka", kafka.bootstrapServers(),
                "--clickhouse", clickHouse.jdbcUrl("default"), "--database", name, "--group-id", name);
        Configuration conf = new Configuration();
        // as the demo runs it: the alert engine's state outgrows the job manager's 5 MB in-memory limit
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints-" + name).toUri().toString());
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.createLocalEnvironment(conf), settings);
        Map<TopicPartition, Long> start = new HashMap<>();
        end.keySet().forEach(tp -> start.put(tp, 0L));
        new VitalSignsJob(settings, KafkaEvents.from(kafka.bootstrapServers(), name, start, end),
                Jobs.kafkaOutputs(settings)).build(env);
        long started = System.nanoTime();
        env.execute(name);
        return (System.nanoTime() - started) / 1e9;
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaBroker kafka) {
        Map<TopicPartition, Long> end = new HashMap<>();
        for (String topic : List.of(Topics.READINGS, Topics.INCIDENTS)) {
            end.putAll(TopicMark.now(kafka.bootstrapServers(), topic).offsets());
        }
        return end;
    }

    private record Published(long events, double seconds) {}

    /** Simulated Shanghai from a fixed start, as fast as the broker takes it, until every event is acknowledged. */
    private static Published publish(String kafka, long events) throws InterruptedException {
        long started = System.nanoTime();
        Simulator simulator = Simulator.start(SimulatorConfig.simulated(20261126, 2000,
                Instant.parse("2026-11-01T00:00:00Z")), kafka);
        while (simulator.eventsPublished() < events) {
            Thread.sleep(5);
        }
        simulator.close(); // waits for what is in flight
        return new Published(simulator.eventsPublished(), (System.nanoTime() - started) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String format(Map<String, Double> shares) {
        StringBuilder text = new StringBuilder();
        shares.forEach((who, share) -> text.append(text.length() == 0 ? "" : ", ")
                .append(String.format("%s %.0f %%", who, share)));
        return text.toString();
    }
}
