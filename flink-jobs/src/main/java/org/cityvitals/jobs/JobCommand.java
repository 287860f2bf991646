package org.cityvitals.jobs;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.TopicPartition;
import org.cityvitals.indicators.cli.Cli;
import org.cityvitals.indicators.cli.CommandGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * {@code cityvitals job vitals|history|backfill}: the Flink jobs, each running in the environment it is given (a
 * cluster under {@code flink run flink-jobs-job.jar vitals …}, a local one otherwise). The ClickHouse schema is not
 * applied here: {@code cityvitals db migrate} is a deployment step of its own.
 */
@Command(name = "job", mixinStandardHelpOptions = true, description = "The Flink jobs (flink run … JOB [flags]).",
        subcommands = JobCommand.Backfill.class)
public final class JobCommand extends CommandGroup {

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(new JobCommand(), args, out, err));
    }

    @Command(name = "vitals", mixinStandardHelpOptions = true,
            description = "The live vital-signs job: readings and incidents in, values, alerts and health to Kafka.")
    int vitals(@Mixin JobOptions options) throws Exception {
        return execute(options.settings(), "CityVitals vital signs", (s, env) -> Jobs.vitals(s).build(env));
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "The history loader: what the platform takes in and publishes, from Kafka into ClickHouse.")
    int history(@Mixin JobOptions options) throws Exception {
        return execute(options.settings(), "CityVitals history loader", (s, env) -> Jobs.historyLoader(s).build(env));
    }

    @Command(name = "backfill", mixinStandardHelpOptions = true,
            description = "A bounded job over one replay's records, into ClickHouse as backfill.")
    static final class Backfill implements Callable<Integer> {
        @Mixin
        JobOptions options;

        @Option(names = "--replay", required = true, paramLabel = "ID", description = "the replay's id")
        String replayId;

        @Option(names = "--offsets", required = true, paramLabel = "TOPIC:PARTITION:FROM-TO", split = ",",
                description = "the offset range the replay published in each partition, e.g. "
                        + "cv.replay.readings:0:120-5230")
        String[] offsets;

        @Override
        public Integer call() throws Exception {
            Map<TopicPartition, Long> start = new HashMap<>();
            Map<TopicPartition, Long> end = new HashMap<>();
            for (String range : offsets) {
                String[] parts = range.split(":");
                String[] fromTo = parts.length == 3 ? parts[2].split("-") : new String[0];
                if (fromTo.length != 2) {
                    throw new IllegalArgumentException("--offsets entry '" + range
                            + "' is not TOPIC:PARTITION:FROM-TO");
                }
                TopicPartition tp = new TopicPartition(parts[0], Integer.parseInt(parts[1]));
                start.put(tp, Long.parseLong(fromTo[0]));
                end.put(tp, Long.parseLong(fromTo[1]));
            }
            return execute(options.settings(), "CityVitals backfill " + replayId,
                    (s, env) -> Jobs.backfill(s, replayId, start, end).build(env));
        }
    }

    /** Builds {@code topology} in the environment it runs in (a cluster's, or a local one) and executes it. */
    private static int execute(JobSettings settings, String name,
                               BiConsumer<JobSettings, StreamExecutionEnvironment> topology) throws Exception {
        StreamExecutionEnvironment env = VitalSignsJob.configure(
                StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        topology.accept(settings, env);
        return finished(env.execute(name));
    }

    /** A detached submission ({@code flink run -d}) returns at once, with the job's id and no runtime. */
    private static int finished(JobExecutionResult result) {
        if (result.isJobExecutionResult()) {
            System.out.println("job " + result.getJobID() + " finished after " + result.getNetRuntime() + " ms");
        } else {
            System.out.println("job " + result.getJobID() + " submitted");
        }
        return 0;
    }
}
