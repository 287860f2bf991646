package org.cityvitals.launcher.cluster;

import org.apache.kafka.common.TopicPartition;
import org.cityvitals.indicators.Topics;
import org.cityvitals.stack.cluster.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code drill NAME}: injects one fault into the job running on the local cluster while the simulator writes a
 * fixed, deterministic input, then proves the invariants: nothing lost or duplicated (ClickHouse content after
 * FINAL equals a fault-free run of the same input on the same cluster), and the job continued from its state — a
 * restore from a checkpoint, read from Flink's REST API — rather than starting afresh. Exit 0 only when every
 * invariant held. The report is also written to {@code .state/cluster/drills/NAME.txt}.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Inject a fault into the job on the local cluster and check that nothing is lost.",
                "Drills: taskmanager-kill, broker-kill, shard-stop, shard-stop-remote, none (the control), "
                        + "backup-restore, gateway-malformed, dashboard-restart; see "
                        + "docs/RELIABILITY.md."})
public final class DrillCommand implements Callable<Integer> {

    static final String DRILL_DB = "cv_drill";
    static final String REFERENCE_DB = "cv_drill_reference";
    static final String BACKUP_RESTORE = "backup-restore";
    static final String DASHBOARD_RESTART = "dashboard-restart";
    /** Drills that inject no fault into a running job. */
    private static final Map<String, String> OTHER_DRILLS = Map.of(
            BACKUP_RESTORE, "back up every shard of " + DRILL_DB + " with FREEZE, restore them all into one empty "
                    + "server, compare with the cluster",
            "gateway-malformed", GatewayDrill.ITEMS + " items, most of them damaged, through the HTTP ingest gateway "
                    + "into the cluster's Kafka",
            DASHBOARD_RESTART, "kill the dashboard server (SIGKILL) with " + DashboardRestartDrill.CLIENTS
                    + " screens connected while alerts flow, start it again; every screen resumes from its cursor");

    @Mixin ClusterOptions cluster;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "a drill named above")
    String name;

    @Option(names = "--events", defaultValue = "600000",
            description = "simulated events written during the drill (default: ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--jar", paramLabel = "FILE", description = "job jar (default: the built one)")
    Path jar;

    @Override
    public Integer call() throws Exception {
        FaultDrills.Fault fault = FaultDrills.FAULTS.get(name);
        String description = fault != null ? FaultDrills.DESCRIPTIONS.get(name) : OTHER_DRILLS.get(name);
        if (description == null) {
            throw new IllegalArgumentException("no drill named '" + name + "'; drills: "
                    + new TreeSet<>(FaultDrills.FAULTS.keySet()) + " and " + new TreeSet<>(OTHER_DRILLS.keySet()));
        }
        StringWriter report = new StringWriter();
        PrintWriter out = new PrintWriter(new Tee(spec.commandLine().getOut(), report), true);
        LocalCluster c = cluster.running();
        out.println("drill " + name + ": " + description);
        List<Check> checks;
        try (DrillContext ctx = new DrillContext(c, jar != null ? jar : JobSubmitter.builtJobJar(), out)) {
            checks = fault != null ? faultDrill(ctx, fault)
                    : name.equals(BACKUP_RESTORE) ? BackupDrill.run(ctx, DRILL_DB)
                    : name.equals(DASHBOARD_RESTART) ? DashboardRestartDrill.run(ctx, events) : GatewayDrill.run(ctx);
        }
        out.println("result of drill " + name + " at " + Instant.now() + ":");
        checks.forEach(check -> out.println("  " + check));
        boolean held = checks.stream().allMatch(Check::held);
        out.println(held ? "every invariant held" : "INVARIANT BROKEN");
        out.flush();
        Path file = c.layout().dir().resolve("drills/" + name + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
        return held ? 0 : 1;
    }

    private List<Check> faultDrill(DrillContext ctx, FaultDrills.Fault fault) throws Exception {
        List<Check> checks = new ArrayList<>();
        ctx.say("preparing: no other job, fresh topics, fresh databases " + DRILL_DB + " and " + REFERENCE_DB);
        ctx.cancelRunningJobs();
        ctx.resetTopics();
        ctx.freshDatabase(DRILL_DB);
        ctx.freshDatabase(REFERENCE_DB);

        String group = "drill-" + name + "-" + System.currentTimeMillis();
        DrillContext.Pipeline run = ctx.submit(DRILL_DB, group);
        ctx.say("vital-signs job " + run.vitalsId() + " and history loader " + run.loaderId()
                + " submitted at parallelism 2; the simulator writes " + events + " events");
        long t0 = System.nanoTime();
        DrillContext.Input input = ctx.startInput(events);
        checks.addAll(fault.inject(ctx, new FaultDrills.Run(run, input, events)));
        input.await();
        ctx.awaitStored(run);
        ctx.say(String.format("both jobs caught up %.0f s after the input started", (System.nanoTime() - t0) / 1e9));
        checks.add(continuity("vital-signs job", ctx.flink.restarts(run.vitalsId()),
                ctx.flink.lastRestore(run.vitalsId())));
        checks.add(continuity("history loader", ctx.flink.restarts(run.loaderId()),
                ctx.flink.lastRestore(run.loaderId())));
        ctx.cancel(run.vitalsId());
        ctx.cancel(run.loaderId());

        checks.add(new Check("the simulator's events were all acknowledged by Kafka", input.failed() == 0,
                input.published() + " acknowledged, " + input.failed() + " refused"));
        long inKafka = ctx.records(Topics.READINGS) + ctx.records(Topics.INCIDENTS);
        checks.add(new Check("Kafka holds each acknowledged event exactly once", inKafka == input.published(),
                inKafka + " records in " + Topics.READINGS + " and " + Topics.INCIDENTS));

        // The fault-free reference: the same input through a second vital-signs job, whose output follows the
        // first run's in the output topics; the loader then takes the input and that second output only.
        Map<TopicPartition, Long> referenceOutput = new HashMap<>();
        for (String topic : DrillContext.OUTPUT_TOPICS) {
            referenceOutput.putAll(ctx.endOffsets(topic));
        }
        String referenceGroup = group + "-reference";
        String referenceVitals = ctx.submitVitals(JobSubmitter.vitalsArgs(ctx.layout, 2, referenceGroup));
        ctx.say("fault-free reference run " + referenceVitals + " on the same input");
        ctx.awaitConsumed(referenceVitals, referenceGroup, DrillContext.INPUT_TOPICS);
        ctx.cancel(referenceVitals);
        ctx.positionLoader(referenceOutput);
        String referenceLoader = ctx.submitLoader(REFERENCE_DB);
        ctx.awaitLoaded(referenceLoader, REFERENCE_DB);
        ctx.cancel(referenceLoader);

        var actual = FinalDigest.of(ctx.clickHouse, DRILL_DB);
        var expected = FinalDigest.of(ctx.clickHouse, REFERENCE_DB);
        List<String> diffs = FinalDigest.differences(actual, expected);
        StringBuilder rows = new StringBuilder();
        actual.forEach((t, d) -> rows.append(rows.length() == 0 ? "" : ", ").append(t).append(' ').append(d.rows()));
        checks.add(new Check("ClickHouse content after FINAL equals the fault-free run", diffs.isEmpty(),
                diffs.isEmpty() ? rows.toString() : String.join("; ", diffs)));
        return checks;
    }

    /** A job went on from its state: no restart at all, or a restore from a checkpoint — never a fresh start. */
    static Check continuity(String job, long restarts, Optional<FlinkRest.Restore> restore) {
        String what = "the " + job + " continued from its state";
        if (restarts == 0) {
            return new Check(what, true, "no restart was needed: the same job ran throughout");
        }
        return new Check(what, restore.isPresent(), restore.map(r -> restarts + " restart(s), restored checkpoint "
                + r.checkpointId() + " (" + r.path() + ")")
                .orElse(restarts + " restart(s) but no restored checkpoint: a fresh start"));
    }

    /** Prints to the terminal and keeps a copy for the report file. */
    private static final class Tee extends Writer {
        private final PrintWriter terminal;
        private final StringWriter copy;

        Tee(PrintWriter terminal, StringWriter copy) {
            this.terminal = terminal;
            this.copy = copy;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            terminal.write(buf, off, len);
            copy.write(buf, off, len);
        }

        @Override
        public void flush() {
            terminal.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
