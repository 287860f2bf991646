package org.cityvitals.launcher.cluster;

import org.cityvitals.indicators.Topics;
import org.cityvitals.stack.cluster.Await;
import org.cityvitals.stack.cluster.ChildProcess;
import org.cityvitals.stack.cluster.ClickHouseShards;
import org.cityvitals.stack.cluster.ClusterLayout;
import org.cityvitals.stack.cluster.ClusterState;
import org.cityvitals.stack.cluster.FlinkCluster;
import org.cityvitals.stack.cluster.KafkaCluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The faults the drills inject while the job consumes the simulator's input: each kills or stops one process of
 * the cluster mid-stream, brings it back as an orchestrator would, and returns the invariants that are its own.
 */
final class FaultDrills {

    /** The job under test: its id, consumer group, and the input being written. */
    record Run(DrillContext.Pipeline jobs, DrillContext.Input input, long events) {}

    /** A fault injected into a running job; returns the checks particular to it. */
    interface Fault {
        List<Check> inject(DrillContext ctx, Run run) throws Exception;
    }

    static final Map<String, String> DESCRIPTIONS = Map.of(
            "taskmanager-kill", "SIGKILL one of the two TaskManagers mid-stream and start it again; both jobs "
                    + "restore from their latest checkpoints",
            "broker-kill", "SIGKILL one of the three Kafka brokers while the simulator writes; restart it 20 s later",
            "shard-stop", "stop the ClickHouse shard the history loader writes through for 60 s mid-stream, then "
                    + "start it again",
            "shard-stop-remote", "stop the other ClickHouse shard (the one the loader reaches through the Distributed "
                    + "tables) for 60 s mid-stream, then start it again",
            "none", "no fault: the control that shows two fault-free runs of the same input agree, so a difference in "
                    + "another drill comes from its fault");

    static final Map<String, Fault> FAULTS = Map.of(
            "taskmanager-kill", FaultDrills::killTaskManager,
            "broker-kill", FaultDrills::killBroker,
            "shard-stop", (ctx, run) -> stopShard(ctx, run, 0),
            "shard-stop-remote", (ctx, run) -> stopShard(ctx, run, 1),
            "none", (ctx, run) -> List.of(awaitMidStream(ctx, run)));

    private static final Duration SHARD_OUTAGE = Duration.ofSeconds(60);
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(20);

    private FaultDrills() {}

    private static List<Check> killTaskManager(DrillContext ctx, Run run) throws Exception {
        String jobId = run.jobs().vitalsId();
        Check midStream = awaitMidStream(ctx, run);
        String name = FlinkCluster.taskManagerName(0);
        List<String> busy = ctx.flink.busyTaskManagers();
        Check hit = new Check("the killed TaskManager ran tasks of the jobs", busy.contains(name),
                "TaskManagers running tasks: " + busy);
        ClusterState state = ctx.cluster.state();
        ChildProcess.kill(state.entry(name).pid());
        ctx.say("killed " + name + " (SIGKILL) with " + ctx.flink.completedCheckpoints(jobId)
                + " checkpoints completed");
        // Started again at once, as an orchestrator would: the two jobs need all four slots to run at parallelism 2.
        state.restart(name);
        FlinkCluster.awaitTaskManagers(ctx.layout, ClusterLayout.TASK_MANAGERS, Duration.ofSeconds(90));
        ctx.say(name + " started again");
        for (String job : List.of(jobId, run.jobs().loaderId())) {
            Await.until("job " + job + " to restart and run again", Duration.ofMinutes(3),
                    () -> ctx.flink.restarts(job) >= 1 && ctx.flink.job(job).state().equals("RUNNING"));
        }
        long restarts = ctx.flink.restarts(jobId);
        ctx.say("vital-signs job running again after " + restarts + " restart(s)");
        return List.of(midStream, hit, new Check("the vital-signs job restarted after losing a TaskManager",
                restarts >= 1, restarts + " restart(s)"));
    }

    private static List<Check> killBroker(DrillContext ctx, Run run) throws Exception {
        Await.until("the simulator to write a quarter of the input", Duration.ofMinutes(2),
                () -> run.input().published() >= run.events() / 4);
        String name = KafkaCluster.processName(1);
        ClusterState state = ctx.cluster.state();
        ChildProcess.kill(state.entry(name).pid());
        ctx.say("killed " + name + " (SIGKILL) after " + run.input().published() + " events were acknowledged");
        Thread.sleep(BROKER_OUTAGE.toMillis());
        state.restart(name);
        KafkaCluster.awaitBrokers(ctx.layout, ClusterLayout.BROKERS, Duration.ofSeconds(90));
        ctx.say(name + " is back; " + run.input().published() + " events acknowledged so far");
        return List.of();
    }

    private static List<Check> stopShard(DrillContext ctx, Run run, int shard) throws Exception {
        Check midStream = awaitMidStream(ctx, run);
        String name = ClickHouseShards.processName(shard);
        ClusterState state = ctx.cluster.state();
        long updatesBefore = ctx.records(Topics.INDICATOR_UPDATES);
        ChildProcess.stop(state.entry(name).pid(), Duration.ofSeconds(20));
        ctx.say("stopped " + name + " for " + SHARD_OUTAGE.toSeconds() + " s");
        Thread.sleep(SHARD_OUTAGE.toMillis());
        long updatesDuring = ctx.records(Topics.INDICATOR_UPDATES) - updatesBefore;
        state.restart(name);
        ClickHouseShards.awaitReady(ctx.layout, shard, Duration.ofSeconds(60));
        ctx.say(name + " is back; " + updatesDuring + " indicator updates reached Kafka during the outage");
        return List.of(midStream, new Check("live indicator updates kept flowing to the screens during the outage",
                updatesDuring > 0, updatesDuring + " records on " + Topics.INDICATOR_UPDATES + " in "
                + SHARD_OUTAGE.toSeconds() + " s"));
    }

    /** Waits until the job has completed a checkpoint and stored rows; checks that input remains to consume. */
    private static Check awaitMidStream(DrillContext ctx, Run run) throws Exception {
        String jobId = run.jobs().vitalsId();
        Await.until("job " + jobId + " to checkpoint and its values to be stored", Duration.ofMinutes(3), () -> {
            try {
                return ctx.flink.completedCheckpoints(jobId) >= 1 && ctx.storedRows(DrillCommand.DRILL_DB) > 0;
            } catch (Exception e) {
                return false;
            }
        });
        long lag = ctx.inputLag(run.jobs().vitalsGroup());
        return new Check("the fault struck mid-stream", lag > 0, lag + " input records not yet committed by the job");
    }
}
