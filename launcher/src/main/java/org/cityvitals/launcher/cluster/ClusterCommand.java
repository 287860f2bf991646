package org.cityvitals.launcher.cluster;

import org.cityvitals.indicators.cli.Endpoints;
import org.cityvitals.stack.cluster.ClusterLayout;
import org.cityvitals.stack.cluster.KafkaCluster;
import org.cityvitals.stack.cluster.LocalCluster;
import org.cityvitals.stack.ClickHouseServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code cluster up|down|status|submit|cancel}: the platform on a local multi-process cluster. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"A local cluster of real engine processes: two ClickHouse shards, three Kafka brokers "
                + "(KRaft), a Flink JobManager and two TaskManagers.",
                "Ports from --base-port B (19000): Flink REST B+81, Kafka B+91..93, ClickHouse HTTP B+181..182."},
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Down.class, ClusterCommand.Status.class,
                ClusterCommand.Submit.class, ClusterCommand.Cancel.class})
public final class ClusterCommand {

    /** What every subcommand shares: where the cluster lives, and the terminal it reports to. */
    abstract static class Subcommand implements Callable<Integer> {
        @Mixin ClusterOptions cluster;
        @Spec CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            int status = run(out);
            out.flush();
            return status;
        }

        abstract int run(PrintWriter out) throws Exception;

        /** The cluster recorded in the state folder, or empty after saying that none is. */
        Optional<LocalCluster> recorded(PrintWriter out, String hint) {
            Optional<LocalCluster> found = LocalCluster.find(cluster.layout().dir());
            if (found.isEmpty()) {
                out.println("no cluster recorded in " + cluster.layout().dir() + hint);
            }
            return found;
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start every process (or those not running), create the topics, apply the sharded schema.")
    static final class Up extends Subcommand {
        @Override
        int run(PrintWriter out) throws Exception {
            long t0 = System.nanoTime();
            ClusterLayout layout = cluster.layout();
            LocalCluster c = LocalCluster.up(layout, Classpaths.java(), Classpaths.flink(), step -> {
                out.println("starting " + step + "…");
                out.flush();
            });
            out.println("creating topics (" + ClusterServices.PARTITIONS + " partitions, 3 replicas, "
                    + "min.insync.replicas 2) and the sharded schema…");
            ClusterServices.createTopics(layout);
            ClusterServices.applySchema(layout, Endpoints.DATABASE);
            out.printf("cluster is up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            c.status().forEach(out::println);
            printEndpoints(out, layout);
            return 0;
        }
    }

    static void printEndpoints(PrintWriter out, ClusterLayout layout) {
        out.println("  Flink web/REST  " + layout.flinkRestUrl());
        out.println("  Kafka           " + layout.kafkaBootstrap());
        out.println("  ClickHouse      " + layout.clickHouseUrl(0) + " (or shard 2: " + layout.clickHouseUrl(1)
                + "), database " + Endpoints.DATABASE + " (Distributed over " + Endpoints.DATABASE + "_local)");
        out.println("  Submit the job  ./cityvitals cluster submit");
        out.println("  Stop            ./cityvitals cluster down");
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop every process of the cluster.")
    static final class Down extends Subcommand {
        @Override
        int run(PrintWriter out) {
            var found = recorded(out, "");
            if (found.isEmpty()) {
                return 0;
            }
            List<String> stopped = found.get().down();
            out.println(stopped.isEmpty() ? "nothing was running" : "stopped " + String.join(", ", stopped));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "What runs, where, with which pid; brokers, shards and Flink jobs as the engines see them. "
                    + "Exit 0 when every process runs.")
    static final class Status extends Subcommand {
        @Override
        int run(PrintWriter out) {
            var found = recorded(out, " (./cityvitals cluster up)");
            if (found.isEmpty()) {
                return 1;
            }
            LocalCluster c = found.get();
            ClusterLayout layout = c.layout();
            c.status().forEach(out::println);
            out.println("Kafka brokers registered: " + Math.max(0, KafkaCluster.registeredBrokers(
                    layout.kafkaBootstrap())) + " of " + ClusterLayout.BROKERS);
            List<String> shards = new ArrayList<>();
            for (int s = 0; s < ClusterLayout.SHARDS; s++) {
                shards.add("shard " + (s + 1) + (ClickHouseServer.ping(layout.clickHouseHttpPort(s)) ? " up" : " DOWN"));
            }
            out.println("ClickHouse: " + String.join(", ", shards));
            try {
                var jobs = new FlinkRest(layout.flinkRestUrl()).jobs();
                out.println("Flink jobs: " + (jobs.isEmpty() ? "none" : ""));
                jobs.forEach(j -> out.println("  " + j.id() + " " + j.state() + " " + j.name()));
            } catch (IllegalStateException e) {
                out.println("Flink: " + e.getMessage());
            }
            printEndpoints(out, layout);
            return c.state().entries().stream().allMatch(e -> e.isAlive()) ? 0 : 1;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "Submit the vital-signs job and the history loader of the job jar through Flink's own "
                    + "client (flink run -d) against the cluster's Kafka and sharded ClickHouse.")
    static final class Submit extends Subcommand {
        @Option(names = "--parallelism", defaultValue = "2",
                description = "parallelism of each job; the cluster has 4 slots (default: ${DEFAULT-VALUE})")
        int parallelism;

        @Option(names = "--jar", paramLabel = "FILE", description = "job jar (default: the built "
                + "flink-jobs/target/flink-jobs-*-job.jar)")
        Path jar;

        @Option(names = "--group-id", defaultValue = "cityvitals-vitals",
                description = "the vital-signs job's Kafka consumer group (default: ${DEFAULT-VALUE})")
        String groupId;

        @Override
        int run(PrintWriter out) {
            ClusterLayout layout = cluster.running().layout();
            Path jobJar = jar != null ? jar : JobSubmitter.builtJobJar();
            for (List<String> args : List.of(JobSubmitter.vitalsArgs(layout, parallelism, groupId),
                    JobSubmitter.historyArgs(layout, parallelism, Endpoints.DATABASE))) {
                String id = JobSubmitter.submit(layout, jobJar, parallelism, args);
                out.println("submitted " + args.get(0) + " of " + jobJar.getFileName() + " as job " + id
                        + " at parallelism " + parallelism + "; watch it at " + layout.flinkRestUrl()
                        + "/#/job/running/" + id + "/overview");
            }
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a job (default: every running job).")
    static final class Cancel extends Subcommand {
        @Parameters(arity = "0..1", paramLabel = "JOB-ID")
        String jobId;

        @Override
        int run(PrintWriter out) {
            FlinkRest rest = new FlinkRest(cluster.running().layout().flinkRestUrl());
            List<String> ids = jobId != null ? List.of(jobId) : rest.running().stream().map(FlinkRest.Job::id).toList();
            ids.forEach(rest::cancel);
            out.println(ids.isEmpty() ? "no running job" : "cancelled " + ids);
            return 0;
        }
    }
}
